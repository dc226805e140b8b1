using System.Globalization;
using CsvHelper;
using LinkService.Configuration.Projects.Outputs;

namespace LinkService.Outputs.Disclosure;

/// <summary>
/// Builds an aggregate table from the de-identified file it is taken from, read as the anonymiser writes it
/// (RFC 4180, a header row, UTF-8), with CsvHelper's default reading. Contributors are persons: the file's person
/// pseudonym column.
/// </summary>
internal static class TableBuilder
{
    public static async Task<TableBuild> BuildAsync(AggregateTableSpec spec, string file, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(file);
        if (!File.Exists(file))
        {
            return TableBuild.Failed($"its file '{name}' is not in the output");
        }

        await using var csv = CsvReader.Create(File.OpenRead(file), CsvReaderOptions.Default);
        await csv.ReadHeaderAsync(cancellationToken);
        string[] header = [.. csv.Headers];
        var wanted = spec.GroupBy.Append(OutputFileSpec.PersonColumn).Concat(spec.Column is { } c ? [c] : []).ToList();
        if (wanted.FirstOrDefault(w => !header.Contains(w, StringComparer.Ordinal)) is { } missing)
        {
            return TableBuild.Failed($"column '{missing}' is not in its file '{name}'");
        }

        var groupAt = spec.GroupBy.Select(g => Array.IndexOf(header, g)).ToArray();
        var personAt = Array.IndexOf(header, OutputFileSpec.PersonColumn);
        var valueAt = spec.Column is null ? -1 : Array.IndexOf(header, spec.Column);
        var persons = new Dictionary<string, int>(StringComparer.Ordinal);
        var cells = new Dictionary<string[], CellTally>(GroupComparer.Instance);
        var probe = new string[groupAt.Length];
        long notNumbers = 0;
        while (await csv.ReadAsync(cancellationToken))
        {
            for (var i = 0; i < groupAt.Length; i++)
            {
                probe[i] = csv.GetString(groupAt[i]);
            }

            // The probe is reused; a group's own array is made once, when its cell is.
            if (!cells.TryGetValue(probe, out var tally))
            {
                cells[[.. probe]] = tally = new CellTally();
            }

            var person = csv.GetString(personAt);
            if (!persons.TryGetValue(person, out var index))
            {
                persons[person] = index = persons.Count;
            }

            decimal? value = null;
            if (valueAt >= 0 && csv.GetString(valueAt) is { Length: > 0 } text)
            {
                if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    value = number;
                }
                else
                {
                    notNumbers++;
                }
            }

            tally.Add(index, value);
        }

        return notNumbers > 0
            ? TableBuild.Failed($"{Counted.Of(notNumbers, "value")} of column '{spec.Column}' {Counted.Is(notNumbers)} not numbers")
            : Cross(spec.GroupBy.Count, cells);
    }

    // Every combination of the labels each column shows, in order, so that a combination no row has is a zero cell.
    private static TableBuild Cross(int columns, Dictionary<string[], CellTally> cells)
    {
        var levels = Enumerable.Range(0, columns)
            .Select(i => cells.Keys.Select(k => k[i]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray())
            .ToArray();
        var count = levels.Aggregate(1L, (n, l) => n > TableBuild.MaxCells ? n : n * l.Length);
        if (count > TableBuild.MaxCells)
        {
            return TableBuild.Failed($"its grouping has more than {TableBuild.MaxCells} cells; group by fewer or coarser columns");
        }

        var result = new List<TableCell>((int)count);
        var at = new int[columns];
        for (var n = 0L; n < count; n++)
        {
            var group = new string[columns];
            for (var i = 0; i < columns; i++)
            {
                group[i] = levels[i][at[i]];
            }

            result.Add(cells.TryGetValue(group, out var tally) ? TableCell.From(group, tally) : TableCell.Empty(group));
            for (var i = columns - 1; i >= 0 && ++at[i] == levels[i].Length; i--)
            {
                at[i] = 0;
            }
        }

        return new TableBuild(result, null);
    }
}
