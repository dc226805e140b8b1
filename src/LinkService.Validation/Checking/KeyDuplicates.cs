using LinkService.Configuration.Schemas;
using LinkService.Validation.Report;
using LinkService.Validation.Uniqueness;

namespace LinkService.Validation.Checking;

/// <summary>
/// Repeated unique and primary keys, found once every row has been read: reported by row and the row the key
/// was first seen on (never the key), and set aside.
/// </summary>
internal static class KeyDuplicates
{
    public static IReadOnlyList<(long Row, string Type)> Report(UniqueKeys keys, ReportBuilder report, int[] columnToField, TableSchema schema, CancellationToken cancellationToken)
    {
        var rows = new List<(long Row, string Type)>();
        for (var i = 0; i < keys.UniqueFields.Length; i++)
        {
            var name = schema.Fields[keys.UniqueFields[i]].Name;
            var column = Array.IndexOf(columnToField, keys.UniqueFields[i]) + 1;
            Collect(keys.UniqueDetectors[i], ErrorTypes.Unique, name, column > 0 ? column : null, "repeats the value of an earlier row", first => $"field '{name}' repeats the value of row {first}", report, rows, cancellationToken);
        }

        if (keys.PrimaryKeyDetector is { } pk)
        {
            var names = string.Join(", ", keys.PrimaryKeyFields.Select(f => schema.Fields[f].Name));
            Collect(pk, ErrorTypes.PrimaryKey, null, null, $"repeats the primary key ({names}) of an earlier row", first => $"the primary key ({names}) repeats row {first}", report, rows, cancellationToken);
        }

        if (rows.Count > 0)
        {
            report.SetAsideLate(rows);
        }

        return rows;
    }

    private static void Collect(DuplicateDetector detector, string type, string? field, int? column, string problem, Func<long, string> message, ReportBuilder report, List<(long Row, string Type)> rows, CancellationToken cancellationToken)
    {
        var found = new List<(long Row, long FirstRow)>();
        foreach (var duplicate in detector.Duplicates())
        {
            cancellationToken.ThrowIfCancellationRequested();
            found.Add(duplicate);
        }

        // The detector finds them partition by partition; the report lists them by row.
        found.Sort();
        foreach (var (row, first) in found)
        {
            rows.Add((row, type));
            if (report.Count(type, row, null, field, column, problem))
            {
                report.AddDetail(new ValidationError(type, message(first), row, null, field, column));
            }
        }
    }
}
