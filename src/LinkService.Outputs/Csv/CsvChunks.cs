namespace LinkService.Outputs.Csv;

/// <summary>
/// Writes a file of millions of rows on every core: the rows are cut into runs, each run is spelled into a block of
/// its own (<see cref="CsvLines"/>), and the blocks are written in order, so the bytes are those one writer would write.
/// </summary>
internal static class CsvChunks
{
    private const int RowsPerChunk = 1 << 15;

    /// <param name="path">The file, created or replaced.</param>
    /// <param name="header">Its first line, line break included.</param>
    /// <param name="rows">How many rows follow it.</param>
    /// <param name="writeRow">Spells row <c>i</c>, line break included; called from several threads at once, each with its own lines.</param>
    public static void Write(string path, string header, int rows, Action<int, CsvLines> writeRow, CancellationToken cancellationToken)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using (var lines = new CsvLines(file, leaveOpen: true))
        {
            lines.Append(header);
        }

        var chunks = (rows + RowsPerChunk - 1) / RowsPerChunk;
        var window = 2 * Environment.ProcessorCount;
        var blocks = new MemoryStream[window];
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        for (var first = 0; first < chunks; first += window)
        {
            var count = Math.Min(window, chunks - first);
            Parallel.For(0, count, options, i =>
            {
                var block = blocks[i] ??= new MemoryStream();
                block.SetLength(0);
                using var lines = new CsvLines(block, leaveOpen: true);
                var end = Math.Min(rows, (first + i + 1) * RowsPerChunk);
                for (var row = (first + i) * RowsPerChunk; row < end; row++)
                {
                    writeRow(row, lines);
                }
            });

            for (var i = 0; i < count; i++)
            {
                file.Write(blocks[i].GetBuffer(), 0, (int)blocks[i].Length);
            }
        }
    }
}
