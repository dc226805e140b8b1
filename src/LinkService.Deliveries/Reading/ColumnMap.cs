using LinkService.Configuration.Schemas;

namespace LinkService.Deliveries.Reading;

/// <summary>
/// Which schema field each column of a delivery holds: <c>map[column]</c> is the field's index, or -1. Labels
/// match field names exactly; a blank or repeated label maps to nothing. Validation reports every label this
/// leaves unmapped; every stage after it reads columns through the same map.
/// </summary>
public static class ColumnMap
{
    /// <summary>A file without a header: its columns are the schema's fields, in order.</summary>
    public static int[] Positional(TableSchema schema) => [.. Enumerable.Range(0, schema.Fields.Count)];

    public static int[] FromLabels(TableSchema schema, IReadOnlyList<string> labels)
    {
        var map = new int[labels.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Count; i++)
        {
            map[i] = !string.IsNullOrWhiteSpace(labels[i]) && seen.Add(labels[i]) ? FieldIndex(schema, labels[i]) : -1;
        }

        return map;
    }

    /// <summary>The index of the field named <paramref name="name"/> exactly, or -1.</summary>
    public static int FieldIndex(TableSchema schema, string name)
    {
        for (var f = 0; f < schema.Fields.Count; f++)
        {
            if (string.Equals(schema.Fields[f].Name, name, StringComparison.Ordinal))
            {
                return f;
            }
        }

        return -1;
    }
}
