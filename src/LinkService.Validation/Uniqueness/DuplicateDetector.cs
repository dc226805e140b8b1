using System.Runtime.InteropServices;

namespace LinkService.Validation.Uniqueness;

/// <summary>
/// Finds repeated keys at millions of rows in bounded memory, holding 16-byte hashes, never values.
/// Hashes are appended to a buffer as rows stream by (sequential writes, no cache miss per row as a hash
/// set would have); when the buffer reaches its budget it is sorted and spilled to a run file in a private
/// temp folder. At the end the buffer, or the runs, are merged in hash order, and every key met more than
/// once is reported with the row it was first seen on.
/// </summary>
internal sealed class DuplicateDetector : IDisposable
{
    private const int InitialEntries = 1 << 14;
    private readonly int _maxEntries;
    private readonly string _tempRoot;
    private readonly List<string> _runs = [];
    private KeyEntry[] _buffer = new KeyEntry[InitialEntries];
    private int _count;
    private string? _folder;

    public DuplicateDetector(long budgetBytes, string tempRoot)
    {
        _maxEntries = (int)Math.Clamp(budgetBytes / KeyEntry.Size, InitialEntries, Array.MaxLength);
        _tempRoot = tempRoot;
    }

    public int SpilledRuns => _runs.Count;

    public void Add(in KeyEntry entry)
    {
        if (_count == _buffer.Length)
        {
            if (_buffer.Length < _maxEntries)
            {
                Array.Resize(ref _buffer, (int)Math.Min(_buffer.Length * 2L, _maxEntries));
            }
            else
            {
                Spill();
            }
        }

        _buffer[_count++] = entry;
    }

    /// <summary>After the last row: each repeated key as (row, the row it was first seen on), in hash order.</summary>
    public IEnumerable<(long Row, long FirstRow)> Duplicates()
    {
        if (_runs.Count == 0)
        {
            Array.Sort(_buffer, 0, _count);
            return Groups(_buffer.Take(_count));
        }

        Spill();
        return Groups(MergeRuns());
    }

    public void Dispose()
    {
        _buffer = [];
        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static IEnumerable<(long Row, long FirstRow)> Groups(IEnumerable<KeyEntry> sorted)
    {
        KeyEntry group = default;
        foreach (var entry in sorted)
        {
            if (!group.IsEmpty && group.SameKey(entry))
            {
                yield return (entry.Row, group.Row);
            }
            else
            {
                group = entry;
            }
        }
    }

    private IEnumerable<KeyEntry> MergeRuns()
    {
        var readers = _runs.Select(OpenRun).ToList();
        try
        {
            var queue = new PriorityQueue<int, KeyEntry>();
            for (var i = 0; i < readers.Count; i++)
            {
                if (TryRead(readers[i], out var entry))
                {
                    queue.Enqueue(i, entry);
                }
            }

            while (queue.TryDequeue(out var run, out var entry))
            {
                yield return entry;
                if (TryRead(readers[run], out var next))
                {
                    queue.Enqueue(run, next);
                }
            }
        }
        finally
        {
            readers.ForEach(r => r.Dispose());
        }
    }

    private void Spill()
    {
        if (_count == 0)
        {
            return;
        }

        Array.Sort(_buffer, 0, _count);
        string path;
        try
        {
            _folder ??= Directory.CreateDirectory(Path.Combine(_tempRoot, "linkservice-keys-" + Guid.NewGuid().ToString("N"))).FullName;
            path = Path.Combine(_folder, $"run-{_runs.Count:D5}.bin");
            using var run = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            run.Write(MemoryMarshal.AsBytes(_buffer.AsSpan(0, _count)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KeySpillException($"key hashes could not be spilled to the temp folder ({ex.GetType().Name})", ex);
        }

        _runs.Add(path);
        _count = 0;
    }

    private static BufferedStream OpenRun(string path)
    {
        try
        {
            return new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan), 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KeySpillException($"a spilled run of key hashes could not be read back ({ex.GetType().Name})", ex);
        }
    }

    private static bool TryRead(Stream run, out KeyEntry entry)
    {
        entry = default;
        var bytes = MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref entry, 1));
        try
        {
            return run.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false) == bytes.Length;
        }
        catch (IOException ex)
        {
            throw new KeySpillException("a spilled run of key hashes could not be read back", ex);
        }
    }
}
