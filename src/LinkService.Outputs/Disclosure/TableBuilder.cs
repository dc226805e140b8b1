using LinkService.Configuration.Projects.Outputs;
using LinkService.Linkage.Running;
using LinkService.Outputs.Anonymising;

namespace LinkService.Outputs.Disclosure;

/// <summary>
/// Builds an aggregate table from the de-identified file it is taken from. Contributors are persons: the file's person
/// pseudonym column. The file's rows are taken as this process wrote them where it holds them (<see cref="WrittenRecords"/>:
/// the same cells, as value ids, with no reading), else read from the file as the anonymiser writes it (RFC 4180, a
/// header row, UTF-8) by <see cref="OwnCsv"/>, its labels and persons interned as they are read.
/// </summary>
internal static class TableBuilder
{
    public static TableBuild Build(AggregateTableSpec spec, string file, WrittenRecords? written, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(file);
        if (written is null && !File.Exists(file))
        {
            return TableBuild.Failed($"its file '{name}' is not in the output");
        }

        using var csv = written is null ? OwnCsv.OpenWithHeader(file) : null;
        var header = written?.Header.ToArray() ?? [.. csv!.Header];
        var wanted = spec.GroupBy.Append(OutputFileSpec.PersonColumn).Concat(spec.Column is { } c ? [c] : []).ToList();
        if (wanted.FirstOrDefault(w => !header.Contains(w, StringComparer.Ordinal)) is { } missing)
        {
            return TableBuild.Failed($"column '{missing}' is not in its file '{name}'");
        }

        var groupAt = spec.GroupBy.Select(g => Array.IndexOf(header, g)).ToArray();
        var personAt = Array.IndexOf(header, OutputFileSpec.PersonColumn);
        var valueAt = spec.Column is null ? -1 : Array.IndexOf(header, spec.Column);
        var fromMemory = written is not null && groupAt.All(g => g >= WrittenRecords.Keys) && (valueAt < 0 || valueAt >= WrittenRecords.Keys);
        var tally = new GroupTally(groupAt.Length, fromMemory ? written!.Rows : 0);
        if (fromMemory)
        {
            Tally(written!, [.. groupAt.Select(g => g - WrittenRecords.Keys)], valueAt - WrittenRecords.Keys, tally, cancellationToken);
        }
        else if (csv is not null)
        {
            Tally(csv, groupAt, personAt, valueAt, tally, cancellationToken);
        }
        else
        {
            // Only a table grouped by, or summing, a pseudonym column needs the file's text of it.
            using var read = OwnCsv.OpenWithHeader(file);
            Tally(read, groupAt, personAt, valueAt, tally, cancellationToken);
        }

        return tally.NotNumbers > 0
            ? TableBuild.Failed($"{Counted.Of(tally.NotNumbers, "value")} of column '{spec.Column}' {Counted.Is(tally.NotNumbers)} not numbers a total can hold (finite, at most 28 digits)")
            : Cross(spec.GroupBy.Count, tally.Cells());
    }

    private static void Tally(OwnCsv csv, int[] groupAt, int personAt, int valueAt, GroupTally tally, CancellationToken cancellationToken)
    {
        var persons = new Linkage.Data.SpanInterner();
        var group = new int[groupAt.Length];
        while (csv.Read(cancellationToken))
        {
            for (var i = 0; i < groupAt.Length; i++)
            {
                group[i] = tally.Label(i, csv[groupAt[i]]);
            }

            tally.Add(group, persons.Intern(csv[personAt]), valueAt < 0 ? 0 : tally.Value(csv[valueAt]));
        }
    }

    /// <summary>The written rows' cells, <paramref name="groupAt"/> and <paramref name="valueAt"/> counted among the chosen columns: each distinct value labelled and parsed once.</summary>
    private static void Tally(WrittenRecords written, int[] groupAt, int valueAt, GroupTally tally, CancellationToken cancellationToken)
    {
        var labelOf = groupAt.Select((column, i) => written.Texts(column).Select(text => tally.Label(i, text)).ToArray()).ToArray();
        var values = valueAt < 0 ? [] : written.Texts(valueAt).Select(text => tally.Value(text)).ToArray();
        var group = new int[groupAt.Length];
        for (var row = 0; row < written.Rows; row++)
        {
            if ((row & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            for (var i = 0; i < groupAt.Length; i++)
            {
                group[i] = labelOf[i][written.Cell(row, groupAt[i])];
            }

            tally.Add(group, written.Person(row), valueAt < 0 ? 0 : values[written.Cell(row, valueAt)]);
        }
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
