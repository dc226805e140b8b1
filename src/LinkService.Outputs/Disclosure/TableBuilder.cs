using System.Globalization;
using LinkService.Configuration.Projects.Outputs;
using LinkService.Linkage.Data;
using LinkService.Outputs.Anonymising;
using LinkService.Outputs.Csv;

namespace LinkService.Outputs.Disclosure;

/// <summary>
/// Builds an aggregate table from the de-identified file it is taken from, read as the anonymiser writes it
/// (RFC 4180, a header row, UTF-8) by <see cref="OwnCsv"/>. Contributors are persons: the file's person pseudonym
/// column. Labels and persons are interned as they are read, so a row costs no string.
/// </summary>
internal static class TableBuilder
{
    public static TableBuild Build(AggregateTableSpec spec, string file, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(file);
        if (!File.Exists(file))
        {
            return TableBuild.Failed($"its file '{name}' is not in the output");
        }

        using var csv = OwnCsv.OpenWithHeader(file);
        var header = csv.Header.ToArray();
        var wanted = spec.GroupBy.Append(OutputFileSpec.PersonColumn).Concat(spec.Column is { } c ? [c] : []).ToList();
        if (wanted.FirstOrDefault(w => !header.Contains(w, StringComparer.Ordinal)) is { } missing)
        {
            return TableBuild.Failed($"column '{missing}' is not in its file '{name}'");
        }

        var groupAt = spec.GroupBy.Select(g => Array.IndexOf(header, g)).ToArray();
        var personAt = Array.IndexOf(header, OutputFileSpec.PersonColumn);
        var valueAt = spec.Column is null ? -1 : Array.IndexOf(header, spec.Column);
        var labels = groupAt.Select(_ => new SpanInterner()).ToArray();
        var persons = new SpanInterner();
        var groups = new TupleNumbers();
        var cells = new Dictionary<int, (int[] Labels, CellTally Tally)>();
        var group = new int[groupAt.Length];
        long notNumbers = 0;
        while (csv.Read(cancellationToken))
        {
            for (var i = 0; i < groupAt.Length; i++)
            {
                group[i] = labels[i].Intern(csv[groupAt[i]]);
            }

            var number = groups.Of(group);
            if (!cells.TryGetValue(number, out var cell))
            {
                cells[number] = cell = ([.. group], new CellTally());
            }

            decimal? value = null;
            if (valueAt >= 0 && csv[valueAt] is { Length: > 0 } text)
            {
                if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                {
                    value = parsed;
                }
                else
                {
                    notNumbers++;
                }
            }

            cell.Tally.Add(persons.Intern(csv[personAt]), value);
        }

        return notNumbers > 0
            ? TableBuild.Failed($"{Counted.Of(notNumbers, "value")} of column '{spec.Column}' {Counted.Is(notNumbers)} not numbers")
            : Cross(spec.GroupBy.Count, cells.Values.ToDictionary(
                cell => cell.Labels.Select((id, i) => labels[i][id].ToString()).ToArray(), cell => cell.Tally, GroupComparer.Instance));
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
