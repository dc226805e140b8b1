using System.Globalization;
using CsvHelper;
using LinkService.Configuration.Folders;
using LinkService.Configuration.Projects.Outputs;

namespace LinkService.Outputs.Disclosure;

/// <summary>
/// Writes a released table with CsvHelper's defaults (RFC 4180, a header row, UTF-8 without a byte order mark): the
/// groupBy columns and the value column, one row a cell, a suppressed value blank. Labels are copied as the record
/// file holds them, where the anonymiser has already neutralised formula-like text.
/// </summary>
internal static class ReleasedTableWriter
{
    public static async Task WriteAsync(AggregateTableSpec spec, IReadOnlyList<TableCell> cells, IReadOnlyList<decimal?> values, string file, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(OwnFile.Create(file), CsvWriterOptions.Default);
        await csv.WriteRecordAsync([.. spec.GroupBy, spec.ValueColumn], cancellationToken);
        for (var i = 0; i < cells.Count; i++)
        {
            await csv.WriteRecordAsync([.. cells[i].Group, values[i] is { } value ? Number(value) : null], cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    // Without trailing zeros or an exponent: 15, 2.5, 0.0001.
    private static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
