using LinkService.Configuration.Loading;
using LinkService.Configuration.Schemas;

namespace LinkService.Configuration.Projects.Linkage;

/// <summary>The checks on a <see cref="LinkageSpec"/>: its own meaning, then against the sources' schemas.</summary>
internal static class LinkageSpecRules
{
    private static readonly ComparisonMethod[] DateMethods =
        [ComparisonMethod.DateTransposed, ComparisonMethod.DateOneDigit, ComparisonMethod.YearOffByOne, ComparisonMethod.SameYearMonth, ComparisonMethod.SameYear, ComparisonMethod.YearsApart];

    private static readonly ComparisonMethod[] PostcodeMethods =
        [ComparisonMethod.PostcodeSector, ComparisonMethod.PostcodeDistrict, ComparisonMethod.PostcodeArea];

    public static void Validate(LinkageSpec spec, ConfigErrors errors, string path)
    {
        // Field names and the kinds of fields of the custodian's own are known only from the sources' schemas:
        // checked in ValidateAgainst. Here, only the fields whose kind the project or the built-in list fixes.
        ValidateBlocking(spec, errors, path);
        ValidateComparisons(spec, errors, path);
        ValidateKinds(spec, errors, path, f => CanonicalField.IsKnown(f) || spec.StandardisesExplicitly(f) ? spec.KindOf(f) : null);
        ValidateNumbers(spec, errors, path);
    }

    public static void ValidateAgainst(LinkageSpec spec, ConfigCatalog catalog, ConfigErrors errors, string path)
    {
        var project = catalog.Projects.Values.FirstOrDefault(p => ReferenceEquals(p.Linkage, spec));
        if (project is null)
        {
            return;
        }

        var schemas = project.Sources.Select(s => catalog.Sources[s].SchemaOrThrow).ToList();
        var declared = DeclaredKinds(project, schemas, errors, path);
        var known = CanonicalField.All.Concat(declared.Keys).ToList();
        foreach (var field in spec.Standardisation.Keys.Where(f => !known.Contains(f, StringComparer.Ordinal)))
        {
            errors.Add($"{path}.standardisation.{field}", NotAField(field, known));
        }

        // A source without a field the project uses is missing it for every pair (neutral in comparisons, no pairs
        // from blocking rules on it): only a field no source feeds is an error.
        foreach (var (field, fieldPath) in spec.FieldsUsed())
        {
            if (!known.Contains(field, StringComparer.Ordinal))
            {
                errors.Add($"{path}.{fieldPath}", NotAField(field, known));
            }
            else if (!schemas.Any(schema => Feeds(spec, schema, field)))
            {
                errors.Add($"{path}.{fieldPath}", $"uses '{field}', but none of the project's sources ({string.Join(", ", project.Sources)}) has an identifier feeding it");
            }
        }

        StandardiseAs? CustomKind(string field) =>
            !CanonicalField.IsKnown(field) && !spec.StandardisesExplicitly(field) && declared.TryGetValue(field, out var kind) ? kind : null;
        ValidateKinds(spec, errors, path, CustomKind);
        ValidateFieldTypes(project, spec, schemas, errors, path);

        if (spec.Clustering.OneToOne && (project.Sources.Count != 2 || project.Mode == LinkageMode.Dedupe))
        {
            errors.Add($"{path}.clustering.oneToOne", "needs exactly two sources linked across (mode 'link' or 'both')");
        }
    }

    /// <summary>
    /// The standardiser the project or the built-in list gives a field against the type of every source field feeding it
    /// (a standardiser a schema declares for a field of its own is checked with the schema).
    /// </summary>
    private static void ValidateFieldTypes(ProjectDefinition project, LinkageSpec spec, List<TableSchema> schemas, ConfigErrors errors, string path)
    {
        foreach (var field in spec.FieldsUsed().Select(f => f.Field).Distinct(StringComparer.Ordinal))
        {
            if (!CanonicalField.IsKnown(field) && !spec.StandardisesExplicitly(field))
            {
                continue;
            }

            var kind = spec.KindOf(field);
            for (var s = 0; s < schemas.Count; s++)
            {
                foreach (var from in schemas[s].IdentifiersFeeding(field).Where(f => !StandardiserTypes.CanRead(kind, f.Type)))
                {
                    errors.Add($"{path}.standardisation.{field}", StandardiserTypes.Cannot(project.Sources[s], field, from, kind));
                }
            }
        }
    }

    /// <summary>The standardiser of each field of the custodian's own the project's sources declare; sources that disagree are an error unless the project says which.</summary>
    private static Dictionary<string, StandardiseAs> DeclaredKinds(ProjectDefinition project, List<TableSchema> schemas, ConfigErrors errors, string path)
    {
        var declared = new Dictionary<string, StandardiseAs>(StringComparer.Ordinal);
        var declaredBy = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var s = 0; s < schemas.Count; s++)
        {
            foreach (var (field, kind) in CustomField.Declared([schemas[s]]))
            {
                if (!declared.TryAdd(field, kind) && declared[field] != kind && !project.Linkage.StandardisesExplicitly(field))
                {
                    errors.Add(
                        $"{path}.standardisation.{field}",
                        $"source '{declaredBy[field]}' declares '{field}' with standardiser '{ConfigJson.EnumName(declared[field])}' and source '{project.Sources[s]}' with '{ConfigJson.EnumName(kind)}': say which with linkage.standardisation.{field}.as");
                }

                declaredBy.TryAdd(field, project.Sources[s]);
            }
        }

        return declared;
    }

    private static string NotAField(string field, IReadOnlyList<string> known) =>
        $"'{field}' is neither a canonical field nor a field of the project's sources' own (one of: {string.Join(", ", known)}){NearestName.Hint(field, known)}";

    private static bool Feeds(LinkageSpec spec, TableSchema schema, string field) =>
        schema.IdentifiersFeeding(field).Any()
        || (field == CanonicalField.MiddleNames && schema.IdentifiersFeeding(CanonicalField.Forename).Any()
            && (!spec.Standardisation.TryGetValue(CanonicalField.Forename, out var forename) || forename.SplitForenames));

    private static void ValidateBlocking(LinkageSpec spec, ConfigErrors errors, string path)
    {
        if (spec.Blocking.Count == 0)
        {
            errors.Add($"{path}.blocking", "needs at least one blocking rule");
        }

        if (spec.Blocking.Count > 30)
        {
            errors.Add($"{path}.blocking", "at most 30 blocking rules");
        }

        for (var r = 0; r < spec.Blocking.Count; r++)
        {
            var rule = spec.Blocking[r];
            var rulePath = $"{path}.blocking[{r}]";
            if (rule.Keys.Count is 0 or > 4)
            {
                errors.Add($"{rulePath}.keys", "a rule needs one to four keys");
            }

            if (rule.AnyOrder && !AnyOrderKeys(spec, rule))
            {
                errors.Add($"{rulePath}.anyOrder", "needs the rule's first two keys to be name fields (forename and surname) taken the same way: exactly, or both by one name transform");
            }

            if (rule.MaxBlockSize < 2)
            {
                errors.Add($"{rulePath}.maxBlockSize", "must be at least 2");
            }

            for (var k = 0; k < rule.Keys.Count; k++)
            {
                if (rule.Keys[k].Length < 1)
                {
                    errors.Add($"{rulePath}.keys[{k}].length", "must be at least 1");
                }
            }
        }
    }

    private static void ValidateComparisons(LinkageSpec spec, ConfigErrors errors, string path)
    {
        if (spec.Comparisons.Count is 0 or > 16)
        {
            errors.Add($"{path}.comparisons", "needs one to sixteen comparisons");
        }

        // One comparison per field: a second counted the field's evidence twice, and gave review.csv two columns of one name.
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var columns = new HashSet<string>(ReviewColumns.Fixed, StringComparer.Ordinal);
        for (var c = 0; c < spec.Comparisons.Count; c++)
        {
            var comparison = spec.Comparisons[c];
            var comparisonPath = $"{path}.comparisons[{c}]";
            if (comparison.Field is { } field && !first.TryAdd(field, c))
            {
                errors.Add($"{comparisonPath}.field", $"'{field}' is compared already, by comparisons[{first[field]}]: one comparison per field, with all its levels, strongest first");
            }
            else if (comparison.Field is { } named && ReviewColumns.Of(named).FirstOrDefault(column => !columns.Add(column)) is { } taken)
            {
                errors.Add($"{comparisonPath}.field", $"'{named}' would give review.csv a second column '{taken}': name the field of your own otherwise");
            }

            if (comparison.Levels.Count is 0 or > ComparisonSpec.MaxLevels)
            {
                errors.Add($"{comparisonPath}.levels", $"needs one to {ComparisonSpec.MaxLevels} levels");
            }

            for (var l = 0; l < comparison.Levels.Count; l++)
            {
                ValidateLevel(comparison.Levels[l], errors, $"{comparisonPath}.levels[{l}]");
            }
        }
    }

    /// <summary>The transforms and methods that need a kind of field (a date, a postcode), for the fields <paramref name="kindOf"/> knows the kind of.</summary>
    private static void ValidateKinds(LinkageSpec spec, ConfigErrors errors, string path, Func<string, StandardiseAs?> kindOf)
    {
        for (var r = 0; r < spec.Blocking.Count; r++)
        {
            for (var k = 0; k < spec.Blocking[r].Keys.Count; k++)
            {
                var key = spec.Blocking[r].Keys[k];
                if (kindOf(key.Field) is not { } kind)
                {
                    continue;
                }

                var keyPath = $"{path}.blocking[{r}].keys[{k}]";
                if (key.Transform is KeyTransform.Year or KeyTransform.Month or KeyTransform.YearMonth or KeyTransform.MonthDay && kind != StandardiseAs.Date)
                {
                    errors.Add($"{keyPath}.transform", $"'{ConfigJson.EnumName(key.Transform)}' needs a date field");
                }
                else if (key.Transform is KeyTransform.PostcodeArea or KeyTransform.PostcodeDistrict or KeyTransform.PostcodeSector && kind != StandardiseAs.Postcode)
                {
                    errors.Add($"{keyPath}.transform", $"'{ConfigJson.EnumName(key.Transform)}' needs a postcode field");
                }
                else if (key.Transform is not (KeyTransform.Exact or KeyTransform.Year or KeyTransform.Month or KeyTransform.YearMonth or KeyTransform.MonthDay) && kind == StandardiseAs.Date)
                {
                    errors.Add($"{keyPath}.transform", $"'{ConfigJson.EnumName(key.Transform)}' does not apply to a date field (use exact, year, month, year-month or month-day)");
                }
            }
        }

        for (var c = 0; c < spec.Comparisons.Count; c++)
        {
            var comparison = spec.Comparisons[c];
            if (kindOf(comparison.Field) is not { } kind)
            {
                continue;
            }

            var comparisonPath = $"{path}.comparisons[{c}]";
            if (comparison.TermFrequency && kind == StandardiseAs.Date)
            {
                errors.Add($"{comparisonPath}.termFrequency", "applies to text fields, not dates");
            }

            for (var l = 0; l < comparison.Levels.Count; l++)
            {
                var method = ConfigJson.EnumName(comparison.Levels[l].Method);
                var levelMethod = comparison.Levels[l].Method;
                var methodPath = $"{comparisonPath}.levels[{l}].method";
                if (DateMethods.Contains(levelMethod) && kind != StandardiseAs.Date)
                {
                    errors.Add(methodPath, $"'{method}' needs a date field");
                }
                else if (PostcodeMethods.Contains(levelMethod) && kind != StandardiseAs.Postcode)
                {
                    errors.Add(methodPath, $"'{method}' needs a postcode field");
                }
                else if (kind == StandardiseAs.Date && levelMethod is not ComparisonMethod.Exact and not ComparisonMethod.Levenshtein and not ComparisonMethod.DamerauLevenshtein && !DateMethods.Contains(levelMethod))
                {
                    errors.Add(methodPath, $"'{method}' does not apply to a date field");
                }
            }
        }
    }

    private static void ValidateLevel(ComparisonLevelSpec level, ConfigErrors errors, string path)
    {
        if (level.Threshold is <= 0 or > 1)
        {
            errors.Add($"{path}.threshold", "must be above 0 and at most 1");
        }

        if (level.Distance < 0)
        {
            errors.Add($"{path}.distance", "must not be negative");
        }

        var namesOther = level.Method is ComparisonMethod.Swapped or ComparisonMethod.InOtherField;
        if (namesOther && string.IsNullOrEmpty(level.OtherField))
        {
            errors.Add($"{path}.otherField", $"'{ConfigJson.EnumName(level.Method)}' needs the other field, e.g. forename with surname");
        }
        else if (!namesOther && level.OtherField is not null)
        {
            errors.Add($"{path}.otherField", "only a 'swapped' or 'in-other-field' level names another field");
        }
    }

    private static void ValidateNumbers(LinkageSpec spec, ConfigErrors errors, string path)
    {
        if (spec.Thresholds.Match is <= 0 or >= 1)
        {
            errors.Add($"{path}.thresholds.match", "must be a probability above 0 and below 1");
        }

        if (spec.Thresholds.MatchWithinSource is <= 0 or >= 1)
        {
            errors.Add($"{path}.thresholds.matchWithinSource", "must be a probability above 0 and below 1");
        }

        if (spec.Thresholds.Review <= 0 || spec.Thresholds.Review > Math.Min(spec.Thresholds.Match, spec.Thresholds.MatchFor(sameSource: true)))
        {
            errors.Add($"{path}.thresholds.review", "must be above 0 and at most the match thresholds");
        }

        if (spec.Training.RandomPairs < 1_000)
        {
            errors.Add($"{path}.training.randomPairs", "must be at least 1000");
        }

        if (spec.Training.CandidatePairs < 100_000)
        {
            errors.Add($"{path}.training.candidatePairs", "must be at least 100000");
        }

        if (spec.Training.MaxIterations < 1)
        {
            errors.Add($"{path}.training.maxIterations", "must be at least 1");
        }

        if (spec.Training.Tolerance is <= 0 or >= 1)
        {
            errors.Add($"{path}.training.tolerance", "must be above 0 and below 1");
        }
    }

    /// <summary>The first two keys are names of one pool taken alike, so their two keys can be compared as a set.</summary>
    private static bool AnyOrderKeys(LinkageSpec spec, BlockingRuleSpec rule) =>
        rule.Keys.Count >= 2
        && rule.Keys[0].Transform == rule.Keys[1].Transform
        && rule.Keys[0].Length == rule.Keys[1].Length
        && rule.Keys[0].Transform is KeyTransform.Exact or KeyTransform.Initial or KeyTransform.Soundex or KeyTransform.Nysiis or KeyTransform.DoubleMetaphone or KeyTransform.Prefix
        && rule.Keys.Take(2).All(k => spec.KindOf(k.Field) is StandardiseAs.Forename or StandardiseAs.Surname or StandardiseAs.Name);
}
