using CsvHelper;
using LinkService.Validation.Reading;

namespace LinkService.Validation.Checking;

/// <summary>
/// Rows handed from the parsing thread to the checking thread: each row's cells as strings, its first line,
/// whether the parser met a quote out of place, and whether its cells need scanning for undecodable bytes.
/// Batches are recycled, so the hand-over allocates only the cells themselves.
/// </summary>
internal sealed class RowBatch
{
    public const int Capacity = 512;

    public string[][] Cells { get; } = [.. Enumerable.Range(0, Capacity).Select(_ => new string[16])];

    public int[] Counts { get; } = new int[Capacity];

    public long[] Lines { get; } = new long[Capacity];

    public QuoteProblem[] Quotes { get; } = new QuoteProblem[Capacity];

    public bool[] ScanCells { get; } = new bool[Capacity];

    public int Length { get; set; }

    public bool IsFull => Length == Capacity;

    /// <summary>Takes the parser's current record; returns the record's last line (the parser's raw row).</summary>
    public long Add(DeliveryReader reader, long lastRawRow)
    {
        var parser = reader.Parser;
        var i = Length;
        var count = parser.Count;
        if (Cells[i].Length < count)
        {
            Cells[i] = new string[Math.Max(count, Cells[i].Length * 2)];
        }

        var cells = Cells[i];
        for (var c = 0; c < count; c++)
        {
            cells[c] = parser[c];
        }

        // CsvHelper reports bad quoting when a field is taken, so only now, after the cells, is it known.
        Counts[i] = count;
        Lines[i] = lastRawRow + 1;
        Quotes[i] = reader.QuoteProblem;
        reader.QuoteProblem = QuoteProblem.None;
        ScanCells[i] = reader.MayHoldUndecodable;
        Length = i + 1;
        return parser.RawRow;
    }

    public static bool ReadNext(CsvParser parser, ref bool pending)
    {
        if (pending)
        {
            pending = false;
            return true;
        }

        return parser.Read();
    }
}
