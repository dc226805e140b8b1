using System.Runtime.InteropServices;

namespace LinkService.Validation.Uniqueness;

/// <summary>
/// Finds repeated keys at millions of rows in bounded memory. Keys are hashed into a <see cref="KeySet"/>;
/// a repeat within memory is reported at once. When the set reaches its budget it is sorted and spilled to
/// a run file in a private temp folder; at the end the runs are merged and repeats across runs reported.
/// Runs hold hashes and row numbers only, never a value.
/// </summary>
internal sealed class DuplicateDetector : IDisposable
{
    private readonly KeySet _set = new();
    private readonly long _budgetBytes;
    private readonly string _tempRoot;
    private readonly List<string> _runs = [];
    private string? _folder;

    public DuplicateDetector(long budgetBytes, string tempRoot)
    {
        _budgetBytes = budgetBytes;
        _tempRoot = tempRoot;
    }

    public int SpilledRuns => _runs.Count;

    /// <summary>The row this key was first seen on, when that is known now; null for a new key (so far).</summary>
    public long? Add(in KeyEntry entry)
    {
        if (_set.IsFull)
        {
            if (_set.CanGrowWithin(_budgetBytes))
            {
                _set.Grow();
            }
            else
            {
                Spill();
            }
        }

        return _set.AddOrGetFirst(entry);
    }

    /// <summary>After the last row: repeats that only the merge of spilled runs shows, as (row, first row).</summary>
    public IEnumerable<(long Row, long FirstRow)> LateDuplicates()
    {
        if (_runs.Count == 0)
        {
            yield break;
        }

        Spill();
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

            KeyEntry group = default;
            while (queue.TryDequeue(out var run, out var entry))
            {
                if (!group.IsEmpty && group.SameKey(entry))
                {
                    yield return (entry.Row, group.Row);
                }
                else
                {
                    group = entry;
                }

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

    public void Dispose()
    {
        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private void Spill()
    {
        _folder ??= Directory.CreateDirectory(Path.Combine(_tempRoot, "linkservice-keys-" + Guid.NewGuid().ToString("N"))).FullName;
        var path = Path.Combine(_folder, $"run-{_runs.Count:D5}.bin");
        using (var run = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            _set.DrainSortedTo(run);
        }

        _runs.Add(path);
    }

    private static BufferedStream OpenRun(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan), 1 << 16);

    private static bool TryRead(Stream run, out KeyEntry entry)
    {
        entry = default;
        var bytes = MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref entry, 1));
        return run.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false) == bytes.Length;
    }
}
