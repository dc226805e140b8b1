using System.Numerics;
using System.Runtime.InteropServices;

namespace LinkService.Validation.Uniqueness;

/// <summary>
/// Finds repeated keys at millions of rows in bounded memory, holding 16-byte hashes, never values.
/// Hashes are appended, as rows stream by, to one of 256 partitions chosen by their top bits: sequential
/// writes, no cache miss per row as one large hash set would have. Past the memory budget the partitions are
/// appended to a file each in a private temp folder. At the end each partition, small enough to stay in the
/// CPU cache, is checked with a hash set of its own: every key met more than once is reported with the row
/// it was first seen on. The work is linear in the rows; nothing is sorted or merged.
/// </summary>
internal sealed class DuplicateDetector : IDisposable
{
    private const int PartitionBits = 8;
    private const int Partitions = 1 << PartitionBits;
    private const int InitialCapacity = 64;
    private readonly long _budgetEntries;
    private readonly string _tempRoot;
    private readonly KeyEntry[][] _buffers = new KeyEntry[Partitions][];
    private readonly int[] _counts = new int[Partitions];
    private readonly bool[] _onDisk = new bool[Partitions];
    private long _capacity;
    private string? _folder;
    private KeyEntry[] _readBack = [];
    private KeyEntry[] _slots = [];

    public DuplicateDetector(long budgetBytes, string tempRoot)
    {
        _budgetEntries = Math.Max(budgetBytes / KeyEntry.Size, Partitions * InitialCapacity * 2L);
        _tempRoot = tempRoot;
        for (var p = 0; p < Partitions; p++)
        {
            _buffers[p] = new KeyEntry[InitialCapacity];
        }

        _capacity = Partitions * InitialCapacity;
    }

    /// <summary>How many times the partitions went to disk.</summary>
    public int SpilledRuns { get; private set; }

    public void Add(in KeyEntry entry)
    {
        var p = (int)(entry.Hi >> (64 - PartitionBits));
        var buffer = _buffers[p];
        if (_counts[p] == buffer.Length)
        {
            if (_capacity + buffer.Length <= _budgetEntries)
            {
                Array.Resize(ref _buffers[p], buffer.Length * 2);
                _capacity += buffer.Length;
            }
            else
            {
                Spill();
            }

            buffer = _buffers[p];
        }

        buffer[_counts[p]++] = entry;
    }

    /// <summary>After the last row: each repeated key as (row, the row it was first seen on).</summary>
    public IEnumerable<(long Row, long FirstRow)> Duplicates()
    {
        for (var p = 0; p < Partitions; p++)
        {
            var entries = _onDisk[p] ? ReadBack(p) : _buffers[p].AsMemory(0, _counts[p]);
            foreach (var duplicate in InPartition(entries.Span))
            {
                yield return duplicate;
            }
        }
    }

    public void Dispose()
    {
        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Entries arrive in row order, so the first of a key met is the row it was first seen on.</summary>
    private List<(long Row, long FirstRow)> InPartition(ReadOnlySpan<KeyEntry> entries)
    {
        var found = new List<(long, long)>();
        var size = Math.Max(16, (int)BitOperations.RoundUpToPowerOf2((uint)entries.Length * 2));
        var slots = Scratch(ref _slots, size);
        slots.Clear();
        var mask = size - 1;
        foreach (var entry in entries)
        {
            var i = (int)(entry.Hi & (ulong)mask);
            while (true)
            {
                ref var slot = ref slots[i];
                if (slot.IsEmpty)
                {
                    slot = entry;
                    break;
                }

                if (slot.SameKey(entry))
                {
                    found.Add((entry.Row, slot.Row));
                    break;
                }

                i = (i + 1) & mask;
            }
        }

        return found;
    }

    /// <summary>
    /// The first <paramref name="length"/> entries of a scratch array kept from partition to partition: a fresh
    /// array of megabytes per partition would churn the large object heap.
    /// </summary>
    private static Span<KeyEntry> Scratch(ref KeyEntry[] array, int length)
    {
        if (array.Length < length)
        {
            array = new KeyEntry[length];
        }

        return array.AsSpan(0, length);
    }

    private void Spill()
    {
        try
        {
            _folder ??= SpillFolders.Create(_tempRoot);
            for (var p = 0; p < Partitions; p++)
            {
                if (_counts[p] == 0)
                {
                    continue;
                }

                using var file = new FileStream(PartitionFile(p), FileMode.Append, FileAccess.Write, FileShare.None, 1 << 16);
                file.Write(MemoryMarshal.AsBytes(_buffers[p].AsSpan(0, _counts[p])));
                _onDisk[p] = true;
                _counts[p] = 0;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KeySpillException($"key hashes could not be spilled to the temp folder ({ex.GetType().Name})", ex);
        }

        SpilledRuns++;
    }

    /// <summary>A spilled partition: what went to disk, then what is still in memory, in row order.</summary>
    private ReadOnlyMemory<KeyEntry> ReadBack(int p)
    {
        try
        {
            using var file = new FileStream(PartitionFile(p), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            var spilled = (int)(file.Length / KeyEntry.Size);
            var entries = Scratch(ref _readBack, spilled + _counts[p]);
            file.ReadExactly(MemoryMarshal.AsBytes(entries[..spilled]));
            _buffers[p].AsSpan(0, _counts[p]).CopyTo(entries[spilled..]);
            return _readBack.AsMemory(0, entries.Length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KeySpillException($"a spilled partition of key hashes could not be read back ({ex.GetType().Name})", ex);
        }
    }

    private string PartitionFile(int p) => Path.Combine(_folder!, $"partition-{p:D3}.bin");
}
