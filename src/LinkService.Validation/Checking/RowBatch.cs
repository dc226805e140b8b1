using LinkService.Deliveries.Reading;

namespace LinkService.Validation.Checking;

/// <summary>
/// Rows handed from the parsing thread to the checking thread: each row's number and cells as strings, its
/// first line, whether the parser met a quote out of place, and whether its cells need scanning for
/// undecodable bytes. Batches are recycled, so the hand-over allocates only the cells themselves. A batch
/// ends at <see cref="Capacity"/> rows or <see cref="CharBudget"/> characters, whichever comes first, so the
/// batches in flight hold a bounded amount of text however long the rows.
/// </summary>
internal sealed class RowBatch
{
    public const int Capacity = 512;

    public const long CharBudget = 4 << 20;

    private long _chars;

    public string[][] Cells { get; } = [.. Enumerable.Range(0, Capacity).Select(_ => new string[16])];

    public long[] Rows { get; } = new long[Capacity];

    public int[] Counts { get; } = new int[Capacity];

    public long[] Lines { get; } = new long[Capacity];

    public QuoteProblem[] Quotes { get; } = new QuoteProblem[Capacity];

    public bool[] ScanCells { get; } = new bool[Capacity];

    public int Length { get; private set; }

    public bool IsFull => Length == Capacity || _chars >= CharBudget;

    public void Clear()
    {
        Length = 0;
        _chars = 0;
    }

    /// <summary>Takes the reader's current record.</summary>
    public void Add(DeliveryReader reader)
    {
        var i = Length;
        var count = reader.Count;
        if (Cells[i].Length < count)
        {
            Cells[i] = new string[Math.Max(count, Cells[i].Length * 2)];
        }

        var cells = Cells[i];
        for (var c = 0; c < count; c++)
        {
            cells[c] = reader[c];
            _chars += cells[c].Length;
        }

        // The reader flags a record's bad quoting when it reads it; the flag is taken with the cells and reset.
        Rows[i] = reader.Row;
        Counts[i] = count;
        Lines[i] = reader.Line;
        Quotes[i] = reader.QuoteProblem;
        reader.QuoteProblem = QuoteProblem.None;
        ScanCells[i] = reader.MayHoldUndecodable;
        Length = i + 1;
    }

    /// <summary>The next data record: the one already read when the first record is data, else a new one.</summary>
    public static bool ReadNext(DeliveryReader reader, ref bool pending)
    {
        if (pending)
        {
            pending = false;
            return true;
        }

        return reader.Read();
    }
}
