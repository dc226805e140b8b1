using System.Security.Cryptography;
using LinkService.Configuration.Folders;
using LinkService.Linkage.Data;

namespace LinkService.Linkage.Running;

/// <summary>
/// Writes a file of millions of rows on every core: the rows are cut into runs, each run is spelled into a block of
/// its own (<see cref="CsvLines"/>), and the blocks are written in order, so the bytes are those one writer would write.
/// A window of blocks is written, and hashed, while the next is spelled; the file's size and SHA-256 are returned, so
/// nobody reads it back to learn them.
/// </summary>
internal static class CsvChunks
{
    private const int RowsPerChunk = 1 << 15;

    /// <param name="path">The file, created or replaced (<see cref="OwnFile"/>).</param>
    /// <param name="header">Its first line, line break included.</param>
    /// <param name="rows">How many rows follow it.</param>
    /// <param name="writeRow">Spells row <c>i</c>, line break included; called from several threads at once, each with its own lines.</param>
    /// <param name="cancellationToken">Stops the spelling between runs.</param>
    public static WrittenFile Write(string path, string header, int rows, Action<int, CsvLines> writeRow, CancellationToken cancellationToken)
    {
        using var file = OwnFile.Create(path, 1 << 16);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new MemoryStream();
        using (var lines = new CsvLines(head, leaveOpen: true))
        {
            lines.Append(header);
        }

        Put(file, sha256, [head], 1);
        var chunks = (rows + RowsPerChunk - 1) / RowsPerChunk;
        var window = 2 * Environment.ProcessorCount;

        // Two sets of blocks: one being written while the other is spelled.
        var sets = new[] { new MemoryStream[window], new MemoryStream[window] };
        var options = Workers.Options(cancellationToken);
        var writing = Task.CompletedTask;
        try
        {
            for (var (first, set) = (0, 0); first < chunks; first += window, set ^= 1)
            {
                var (blocks, start, count) = (sets[set], first, Math.Min(window, chunks - first));
                Parallel.For(0, count, options, i =>
                {
                    var block = blocks[i] ??= new MemoryStream();
                    block.SetLength(0);
                    using var lines = new CsvLines(block, leaveOpen: true);
                    var end = Math.Min(rows, (start + i + 1) * RowsPerChunk);
                    for (var row = (start + i) * RowsPerChunk; row < end; row++)
                    {
                        writeRow(row, lines);
                    }
                });

                writing.GetAwaiter().GetResult();
                writing = Task.Run(() => Put(file, sha256, blocks, count), cancellationToken);
            }
        }
        finally
        {
            // Nothing is left writing to the file once this returns or throws.
            writing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
        }

        writing.GetAwaiter().GetResult();
        file.Flush();
        return new WrittenFile(file.Length, sha256.GetHashAndReset());
    }

    private static void Put(FileStream file, IncrementalHash sha256, MemoryStream[] blocks, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var bytes = blocks[i].GetBuffer().AsSpan(0, (int)blocks[i].Length);
            file.Write(bytes);
            sha256.AppendData(bytes);
        }
    }
}

/// <summary>A file as it was written: its size in bytes and its SHA-256.</summary>
public sealed record WrittenFile(long Bytes, byte[] Sha256);
