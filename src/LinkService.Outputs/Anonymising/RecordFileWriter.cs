using LinkService.Configuration.Projects.Outputs;
using LinkService.Linkage.Running;
using LinkService.Outputs.Pseudonyms;
using LinkService.Outputs.Transforms;

namespace LinkService.Outputs.Anonymising;

/// <summary>
/// Writes one de-identified file: person pseudonym, record pseudonym and the chosen columns, k-anonymity applied,
/// formula-like text neutralised, rows in record-pseudonym order. That order is deterministic, and it is random to
/// anyone without the project key: a department cannot match rows back to its own extract by position. Each distinct
/// value is neutralised and quoted once, and written as often as rows hold it.
/// </summary>
internal static partial class RecordFileWriter
{
    private const int FetchRowsAhead = 16;
    private const int FetchPersonsAhead = 8;

    public static WrittenRecords Write(
        OutputFileSpec spec, IReadOnlyList<ColumnPlan> plans, RecordColumns rows, RecordPseudonyms records, string runId, string outputFolder, CancellationToken cancellationToken)
    {
        var (figures, kept) = spec.KAnonymity is { } k
            ? KAnonymity.Apply(rows, k, [.. k.QuasiIdentifiers.Select(q => plans.ToList().FindIndex(p => p.Column.Name == q))])
            : (null, Enumerable.Range(0, rows.Count).ToArray());
        // The rows as read, for the check's tables: walked in this order they are read from memory in sequence.
        var asRead = kept.ToArray();
        var order = SortByValue(kept, row => records.ValueOf(rows.Record(row)), row => records.Fetch(rows.Record(row)));

        var texts = plans.Select((p, c) => Texts(p, rows.Values[c])).ToArray();
        var cells = texts.Select(t => t.Select(CsvText.Field).ToArray()).ToArray();
        string[] header = [OutputFileSpec.PersonColumn, OutputFileSpec.RecordColumn, .. plans.Select(p => FormulaGuard.Neutralise(p.Column.Name))];
        var file = CsvChunks.Write(Path.Combine(outputFolder, spec.OutputFileName), string.Join(',', header.Select(CsvText.Field)) + "\r\n", kept.Length, (i, lines) =>
        {
            // The rows are written in pseudonym order, all over memory: a row is fetched a few rows before it is written,
            // and its person's pseudonym, which the row names, a few rows after that.
            if (i + FetchRowsAhead < kept.Length)
            {
                rows.Fetch(kept[i + FetchRowsAhead]);
            }

            if (i + FetchPersonsAhead < kept.Length)
            {
                rows.Persons.Fetch(rows.Person(kept[i + FetchPersonsAhead]));
            }

            var row = kept[i];
            rows.Persons.Write(rows.Person(row), lines);
            lines.Append(',');
            records.Write(order[i], lines);
            for (var c = 0; c < cells.Length; c++)
            {
                lines.Append(',');
                lines.Append(cells[c][rows.Cell(row, c)]);
            }

            lines.Append("\r\n");
        }, cancellationToken);

        return new WrittenRecords(RecordFileDescription.Of(spec, plans, figures, runId, kept.Length), header, rows, asRead, texts) { File = file };
    }

    /// <summary>
    /// Orders <paramref name="kept"/> by each row's value, and returns the values in that order. Sorted as numbers of 64
    /// bits (the values' highest 64 bits that any of them uses: a pseudonym's 80 bits but for its last 16), which sorts
    /// millions several times faster than 128-bit values do; a run of equal numbers is then sorted by the whole values.
    /// </summary>
    /// <param name="fetch">When given, starts fetching what <paramref name="valueOf"/> will read for an item, a few items before it is read.</param>
    internal static UInt128[] SortByValue(int[] kept, Func<int, UInt128> valueOf, Action<int>? fetch = null)
    {
        var high = new ulong[kept.Length];
        var place = new int[kept.Length];
        var values = new UInt128[kept.Length];
        var most = UInt128.Zero;
        for (var i = 0; i < kept.Length; i++)
        {
            if (fetch is not null && i + FetchRowsAhead < kept.Length)
            {
                fetch(kept[i + FetchRowsAhead]);
            }

            values[i] = valueOf(kept[i]);
            most |= values[i];
        }

        var shift = Math.Max(0, 64 - (int)UInt128.LeadingZeroCount(most));
        for (var i = 0; i < kept.Length; i++)
        {
            (high[i], place[i]) = ((ulong)(values[i] >> shift), i);
        }

        // A pseudonym's top bits are spread evenly: dealt into buckets by them (the blocks' sort), where a comparison sort
        // of three million took half a second of one core.
        Linkage.Blocking.RadixSort.Sort(high, place, high.Length);
        var (rows, order) = (new int[kept.Length], new UInt128[kept.Length]);
        for (var i = 0; i < kept.Length; i++)
        {
            (rows[i], order[i]) = (kept[place[i]], values[place[i]]);
        }

        for (var start = 0; start < high.Length;)
        {
            var end = start + 1;
            while (end < high.Length && high[end] == high[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(order, rows, start, end - start);
            }

            start = end;
        }

        rows.CopyTo(kept, 0);
        return order;
    }

    /// <summary>Each value of a column as the file holds it, before quoting (id 0, blank, as nothing).</summary>
    private static string[] Texts(ColumnPlan plan, Linkage.Data.SpanInterner values)
    {
        var texts = new string[values.Count];
        texts[0] = "";
        for (var id = 1; id < values.Count; id++)
        {
            var value = values[id].ToString();
            texts[id] = plan.IsText ? FormulaGuard.Neutralise(value) : value;
        }

        return texts;
    }
}
