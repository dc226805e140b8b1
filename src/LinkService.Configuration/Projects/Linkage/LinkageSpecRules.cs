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
        foreach (var field in spec.Standardisation.Keys.Where(f => !CanonicalField.IsKnown(f)))
        {
            errors.Add($"{path}.standardisation.{field}", $"'{field}' is not a canonical field (one of: {string.Join(", ", CanonicalField.All)}){NearestName.Hint(field, CanonicalField.All)}");
        }

        foreach (var (field, fieldPath) in spec.FieldsUsed().Where(f => !CanonicalField.IsKnown(f.Field)))
        {
            errors.Add($"{path}.{fieldPath}", $"'{field}' is not a canonical field (one of: {string.Join(", ", CanonicalField.All)}){NearestName.Hint(field, CanonicalField.All)}");
        }

        ValidateBlocking(spec, errors, path);
        ValidateComparisons(spec, errors, path);
        ValidateNumbers(spec, errors, path);
    }

    public static void ValidateAgainst(LinkageSpec spec, ConfigCatalog catalog, ConfigErrors errors, string path)
    {
        var project = catalog.Projects.Values.FirstOrDefault(p => ReferenceEquals(p.Linkage, spec));
        if (project is null)
        {
            return;
        }

        foreach (var sourceName in project.Sources)
        {
            var schema = catalog.Sources[sourceName].SchemaOrThrow;
            foreach (var (field, fieldPath) in spec.FieldsUsed().Where(f => CanonicalField.IsKnown(f.Field)))
            {
                if (!Feeds(spec, schema, field))
                {
                    errors.Add($"{path}.{fieldPath}", $"uses '{field}', but source '{sourceName}' (schema '{schema.Name}') has no identifier feeding it");
                }
            }
        }

        if (spec.Clustering.OneToOne && (project.Sources.Count != 2 || project.Mode == LinkageMode.Dedupe))
        {
            errors.Add($"{path}.clustering.oneToOne", "needs exactly two sources linked across (mode 'link' or 'both')");
        }
    }

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

            if (rule.AnyOrder && (rule.Keys.Count < 2 || rule.Keys.Take(2).Any(k => k.Transform != KeyTransform.Exact || spec.KindOf(k.Field) is not (StandardiseAs.Forename or StandardiseAs.Surname or StandardiseAs.Name))))
            {
                errors.Add($"{rulePath}.anyOrder", "needs the rule's first two keys to be name fields taken exactly (forename and surname)");
            }

            if (rule.MaxBlockSize < 2)
            {
                errors.Add($"{rulePath}.maxBlockSize", "must be at least 2");
            }

            for (var k = 0; k < rule.Keys.Count; k++)
            {
                var key = rule.Keys[k];
                var kind = spec.KindOf(key.Field);
                var keyPath = $"{rulePath}.keys[{k}]";
                if (key.Transform is KeyTransform.Year or KeyTransform.Month or KeyTransform.YearMonth && kind != StandardiseAs.Date)
                {
                    errors.Add($"{keyPath}.transform", $"'{ConfigJson.EnumName(key.Transform)}' needs a date field");
                }
                else if (key.Transform is KeyTransform.PostcodeArea or KeyTransform.PostcodeDistrict or KeyTransform.PostcodeSector && kind != StandardiseAs.Postcode)
                {
                    errors.Add($"{keyPath}.transform", $"'{ConfigJson.EnumName(key.Transform)}' needs a postcode field");
                }
                else if (key.Transform is not (KeyTransform.Exact or KeyTransform.Year or KeyTransform.Month or KeyTransform.YearMonth) && kind == StandardiseAs.Date)
                {
                    errors.Add($"{keyPath}.transform", $"'{ConfigJson.EnumName(key.Transform)}' does not apply to a date field (use exact, year, month or year-month)");
                }

                if (key.Length < 1)
                {
                    errors.Add($"{keyPath}.length", "must be at least 1");
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

        for (var c = 0; c < spec.Comparisons.Count; c++)
        {
            var comparison = spec.Comparisons[c];
            var comparisonPath = $"{path}.comparisons[{c}]";
            var kind = spec.KindOf(comparison.Field);
            if (comparison.Levels.Count is 0 or > ComparisonSpec.MaxLevels)
            {
                errors.Add($"{comparisonPath}.levels", $"needs one to {ComparisonSpec.MaxLevels} levels");
            }

            if (comparison.TermFrequency && kind == StandardiseAs.Date)
            {
                errors.Add($"{comparisonPath}.termFrequency", "applies to text fields, not dates");
            }

            for (var l = 0; l < comparison.Levels.Count; l++)
            {
                ValidateLevel(comparison.Levels[l], kind, errors, $"{comparisonPath}.levels[{l}]");
            }
        }
    }

    private static void ValidateLevel(ComparisonLevelSpec level, StandardiseAs kind, ConfigErrors errors, string path)
    {
        var method = ConfigJson.EnumName(level.Method);
        if (DateMethods.Contains(level.Method) && kind != StandardiseAs.Date)
        {
            errors.Add($"{path}.method", $"'{method}' needs a date field");
        }
        else if (PostcodeMethods.Contains(level.Method) && kind != StandardiseAs.Postcode)
        {
            errors.Add($"{path}.method", $"'{method}' needs a postcode field");
        }
        else if (kind == StandardiseAs.Date && level.Method is not ComparisonMethod.Exact and not ComparisonMethod.Levenshtein and not ComparisonMethod.DamerauLevenshtein && !DateMethods.Contains(level.Method))
        {
            errors.Add($"{path}.method", $"'{method}' does not apply to a date field");
        }

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
            errors.Add($"{path}.otherField", $"'{method}' needs the other field, e.g. forename with surname");
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

        if (spec.Thresholds.Review <= 0 || spec.Thresholds.Review > spec.Thresholds.Match)
        {
            errors.Add($"{path}.thresholds.review", "must be above 0 and at most the match threshold");
        }

        if (spec.Training.RandomPairs < 1_000)
        {
            errors.Add($"{path}.training.randomPairs", "must be at least 1000");
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
}
