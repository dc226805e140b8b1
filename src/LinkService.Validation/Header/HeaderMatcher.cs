using LinkService.Configuration.Schemas;
using LinkService.Deliveries.Reading;
using LinkService.Validation.Report;

namespace LinkService.Validation.Header;

/// <summary>Checks a header against the schema's fields in the schema's <c>fieldsMatch</c> terms.</summary>
internal static class HeaderMatcher
{
    private static readonly char[] LikelyDelimiters = [',', ';', '|', '\t'];

    /// <summary>A file without a header: its columns are the schema's fields, in order.</summary>
    public static HeaderMatch Positional(TableSchema schema) => new(ColumnMap.Positional(schema), [], null);

    public static HeaderMatch Match(TableSchema schema, IReadOnlyList<string> labels, char delimiter)
    {
        var errors = new List<ValidationError>();
        var mayBeData = !labels.Any(l => IndexOf(schema, l) >= 0);
        var map = ColumnMap.FromLabels(schema, labels);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            if (string.IsNullOrWhiteSpace(label))
            {
                errors.Add(new ValidationError(ErrorTypes.BlankLabel, $"column {i + 1} has no label", LineNumber: 1, FieldNumber: i + 1));
            }
            else if (!seen.TryAdd(label, i))
            {
                // A label is named only when it is a field's name: any other text may be data.
                var field = IndexOf(schema, label) >= 0 ? label : null;
                errors.Add(new ValidationError(ErrorTypes.DuplicateLabel, $"{(field is null ? "the label" : $"label '{field}'")} at column {i + 1} repeats column {seen[label] + 1}", LineNumber: 1, FieldName: field, FieldNumber: i + 1));
            }
        }

        var present = map.Where(f => f >= 0).ToHashSet();
        var missing = Enumerable.Range(0, schema.Fields.Count).Where(f => !present.Contains(f)).ToList();
        var misspelt = ReportUnknownLabels(schema, labels, map, missing, errors);
        ReportMissingFields(schema, missing, misspelt, errors);
        if (schema.FieldsMatch == FieldsMatch.Exact && errors.Count == 0)
        {
            ReportOrder(schema, labels, map, errors);
        }

        return new HeaderMatch(map, errors, errors.Count > 0 ? Hint(schema, labels, present.Count, delimiter) : null, mayBeData);
    }

    /// <summary>Labels that name no field, reported by column and never quoted: such a label may be a data value.</summary>
    private static HashSet<int> ReportUnknownLabels(TableSchema schema, IReadOnlyList<string> labels, int[] map, List<int> missing, List<ValidationError> errors)
    {
        var misspelt = new HashSet<int>();
        var extrasAllowed = schema.FieldsMatch is FieldsMatch.Subset or FieldsMatch.Partial;
        for (var i = 0; i < labels.Count; i++)
        {
            if (map[i] >= 0 || string.IsNullOrWhiteSpace(labels[i]) || errors.Any(e => e.Type == ErrorTypes.DuplicateLabel && e.FieldNumber == i + 1))
            {
                continue;
            }

            var near = missing.FirstOrDefault(f => !misspelt.Contains(f) && LooksLike(labels[i], schema.Fields[f].Name), -1);
            if (near >= 0)
            {
                misspelt.Add(near);
                errors.Add(new ValidationError(ErrorTypes.IncorrectLabel, $"the label at column {i + 1} looks like field '{schema.Fields[near].Name}', but labels must match exactly", LineNumber: 1, FieldNumber: i + 1));
            }
            else if (!extrasAllowed)
            {
                errors.Add(new ValidationError(ErrorTypes.ExtraLabel, $"the label at column {i + 1} is not a field of schema '{schema.Name}'", LineNumber: 1, FieldNumber: i + 1));
            }
        }

        return misspelt;
    }

    private static void ReportMissingFields(TableSchema schema, List<int> missing, HashSet<int> misspelt, List<ValidationError> errors)
    {
        var missingAllowed = schema.FieldsMatch is FieldsMatch.Superset or FieldsMatch.Partial;
        foreach (var f in missing.Where(f => !misspelt.Contains(f)))
        {
            var required = schema.Fields[f].Constraints?.Required == true || schema.PrimaryKey.Contains(schema.Fields[f].Name);
            if (!missingAllowed || required)
            {
                errors.Add(new ValidationError(ErrorTypes.MissingLabel, $"the header has no column for field '{schema.Fields[f].Name}'", LineNumber: 1, FieldName: schema.Fields[f].Name));
            }
        }

        if (schema.FieldsMatch == FieldsMatch.Partial && missing.Count == schema.Fields.Count && misspelt.Count == 0)
        {
            errors.Add(new ValidationError(ErrorTypes.MissingLabel, "the header has no column in common with the schema", LineNumber: 1));
        }
    }

    private static void ReportOrder(TableSchema schema, IReadOnlyList<string> labels, int[] map, List<ValidationError> errors)
    {
        for (var i = 0; i < labels.Count && i < schema.Fields.Count; i++)
        {
            if (map[i] != i)
            {
                errors.Add(new ValidationError(ErrorTypes.IncorrectLabel, $"column {i + 1} is '{labels[i]}' where the schema expects '{schema.Fields[i].Name}' (fieldsMatch 'exact' needs the schema's order)", LineNumber: 1, FieldName: labels[i], FieldNumber: i + 1));
            }
        }
    }

    private static string? Hint(TableSchema schema, IReadOnlyList<string> labels, int matched, char delimiter)
    {
        if (labels.Count == 1)
        {
            var other = LikelyDelimiters.FirstOrDefault(d => d != delimiter && labels[0].Contains(d, StringComparison.Ordinal));
            if (other != default && labels[0].Split(other).Any(l => IndexOf(schema, l.Trim().Trim('"')) >= 0))
            {
                return $"the header seems to be separated by '{Printable(other)}', but the source's delimiter is '{Printable(delimiter)}'";
            }
        }

        return matched == 0 ? "no label matches a field of the schema: the file may have no header row, or a different delimiter" : null;
    }

    private static string Printable(char c) => c == '\t' ? "\\t" : c.ToString();

    private static int IndexOf(TableSchema schema, string label) => ColumnMap.FieldIndex(schema, label);

    /// <summary>Same name but for case, spaces, or up to two typing slips.</summary>
    internal static bool LooksLike(string label, string name)
    {
        var a = label.Trim();
        if (string.Equals(a, name, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return name.Length >= 4 && Math.Abs(a.Length - name.Length) <= 2 && EditDistance(a.ToLowerInvariant(), name.ToLowerInvariant()) <= 2;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
