namespace LinkService.Linkage.Running;

/// <summary>
/// Rows of cells as one run of characters, each cell ending where <see cref="Ends"/> says (a row's cells follow one
/// another, so a cell starts where the one before it ended). Reused from batch to batch: reading allocates nothing per cell.
/// </summary>
internal sealed class CellBatch(int width)
{
    public const int MaxRows = 8192;

    public char[] Text { get; private set; } = new char[MaxRows * width * 16];

    public int[] Ends { get; } = new int[MaxRows * width];

    public int Rows { get; set; }

    /// <summary>Set on the first batch of a reading: about how many rows the whole file holds, going by this batch's (0: unknown).</summary>
    public int ExpectedRows { get; set; }

    private int _length;

    private int _cells;

    public void Clear() => (Rows, ExpectedRows, _length, _cells) = (0, 0, 0, 0);

    /// <summary>Room for a cell of up to <paramref name="chars"/> characters after the last cell.</summary>
    public Span<char> Reserve(int chars)
    {
        if (_length + chars > Text.Length)
        {
            var grown = new char[Math.Max(Text.Length * 2, _length + chars)];
            Text.AsSpan(0, _length).CopyTo(grown);
            Text = grown;
        }

        return Text.AsSpan(_length, chars);
    }

    /// <summary>Ends the next cell, <paramref name="length"/> characters long (written through <see cref="Reserve"/>).</summary>
    public void EndCell(int length)
    {
        _length += length;
        Ends[_cells++] = _length;
    }
}
