using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LinkService.Linkage.Blocking;

/// <summary>
/// Every rule's key hash per record, record-major (a record's hashes share a cache line), so checking
/// which rules put a pair together costs two memory reads, not one per key. 0 means a key is missing (or
/// the record's block under that rule was too large to compare).
/// </summary>
internal sealed class RuleHashes
{
    private readonly ulong[] _hashes;

    public RuleHashes(IReadOnlyList<CompiledRule> rules, int records)
    {
        Rules = rules.Count;
        _hashes = new ulong[(long)records * Rules];
        var rulesArray = rules.ToArray();
        if (records == 0)
        {
            // Every delivery was empty (a header-only file): nothing to hash, and a partitioner refuses an empty range.
            return;
        }

        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, records, 1 << 16), range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                for (var r = 0; r < rulesArray.Length; r++)
                {
                    _hashes[((long)i * Rules) + r] = rulesArray[r].Hash(i);
                }
            }
        });
    }

    public int Rules { get; }

    /// <summary>
    /// Marks the records as not blocked by the rule (their block was too large to compare). Each rule's
    /// blocks are built on their own thread and touch only that rule's hashes.
    /// </summary>
    public void Clear(int rule, ReadOnlySpan<int> records)
    {
        foreach (var record in records)
        {
            _hashes[((long)record * Rules) + rule] = 0;
        }
    }

    public ulong Hash(int record, int rule) => _hashes[((long)record * Rules) + rule];

    /// <summary>Whether rule <paramref name="rule"/> puts both records in one block (64-bit key hashes equal and present).</summary>
    public bool Agrees(int rule, int a, int b)
    {
        var h = _hashes[((long)a * Rules) + rule];
        return h != 0 && h == _hashes[((long)b * Rules) + rule];
    }

    /// <summary>Whether any rule before <paramref name="rule"/> already puts the pair together.</summary>
    /// <remarks>Asked of every pair under every rule, twice a run: four rules at a time where the machine can.</remarks>
    public bool AnyBefore(int rule, int a, int b)
    {
        ref var rowA = ref _hashes[(long)a * Rules];
        ref var rowB = ref _hashes[(long)b * Rules];
        var q = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; q + Vector256<ulong>.Count <= rule; q += Vector256<ulong>.Count)
            {
                var ha = Vector256.LoadUnsafe(ref rowA, (nuint)q);
                var same = Vector256.Equals(ha, Vector256.LoadUnsafe(ref rowB, (nuint)q)) & ~Vector256.Equals(ha, Vector256<ulong>.Zero);
                if (same != Vector256<ulong>.Zero)
                {
                    return true;
                }
            }
        }

        for (; q < rule; q++)
        {
            var h = Unsafe.Add(ref rowA, q);
            if (h != 0 && h == Unsafe.Add(ref rowB, q))
            {
                return true;
            }
        }

        return false;
    }
}
