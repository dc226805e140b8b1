using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using LinkService.Linkage.Data;

namespace LinkService.Linkage.Blocking;

/// <summary>
/// Per record, the block each rule put it in (its number from 1; 0 when a key is missing, the record shares its keys
/// with no record the mode pairs it with, or its block was too large to compare), record-major: checking which rules
/// put a pair together reads one cache line per record, not one per rule.
/// <para>
/// Two records the mode pairs share a block number exactly when they share the rule's key hash (a block holds one
/// hash). Block numbers are ints, where the hashes were 64-bit: a record's row of twelve rules is one cache line, not
/// two (<see cref="AlignedRows"/>), and a pass over the candidate pairs at 1M × 3M took 2.0 s of CPU, not 2.5 s.
/// </para>
/// </summary>
internal sealed class RuleHashes
{
    private AlignedRows _rows;
    private int[] _blocks;

    public RuleHashes(IReadOnlyList<RuleBlocks> blocks, int records)
    {
        Rules = blocks.Count;

        // Rows of whole vectors: lanes past the rules are read and masked off.
        _rows = new AlignedRows(records, Rules, Vector256<int>.Count);
        _blocks = _rows.Values;
        // A rule a worker: each writes its own column of the rows.
        var rows = _rows;
        var values = _blocks;
        Parallel.For(0, blocks.Count, Workers.Options(), [MethodImpl(MethodImplOptions.AggressiveOptimization)] (r) =>
        {
            var ruleBlocks = blocks[r];
            var starts = ruleBlocks.Starts;
            var members = ruleBlocks.Records;
            for (var block = 0; block < ruleBlocks.BlockCount; block++)
            {
                for (var i = starts[block]; i < starts[block + 1]; i++)
                {
                    values[rows.Row(members[i]) + r] = block + 1;
                }
            }
        });
    }

    public int Rules { get; }

    /// <summary>
    /// Lets go of the rows once no pair is asked about any more: the stages after build in their memory (a quarter of a
    /// gigabyte at 1M × 3M, one and a half at 3.6M × 20M) rather than in pages the kernel must clear first. What holds
    /// these hashes (a pass's visitor) may still hold them, so a question asked after throws, where an answer would
    /// be wrong (a pair no earlier rule had seemed new, and was visited twice).
    /// </summary>
    public void Release()
    {
        _rows = AlignedRows.Empty;
        _blocks = _rows.Values;
    }

    /// <summary>Starts fetching the record's row (<see cref="AlignedRows.Prefetch"/>).</summary>
    public void Prefetch(int record) => _rows.Prefetch(record);

    /// <summary>Whether rule <paramref name="rule"/> puts both records in one block.</summary>
    public bool Agrees(int rule, int a, int b)
    {
        var block = _blocks[_rows.Row(a) + rule];
        return block != 0 && block == _blocks[_rows.Row(b) + rule];
    }

    /// <summary>Whether any rule before <paramref name="rule"/> already puts the pair together.</summary>
    /// <remarks>Asked of every pair under every rule, twice a run: eight rules at a time where the machine can.</remarks>
    public bool AnyBefore(int rule, int a, int b)
    {
        ref var rowA = ref _blocks[_rows.Row(a)];
        ref var rowB = ref _blocks[_rows.Row(b)];
        var q = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; q < rule; q += Vector256<int>.Count)
            {
                var blockA = Vector256.LoadUnsafe(ref rowA, (nuint)q);
                var same = Vector256.Equals(blockA, Vector256.LoadUnsafe(ref rowB, (nuint)q)) & ~Vector256.Equals(blockA, Vector256<int>.Zero)
                    & Vector256.LessThan(Vector256.Create(q) + Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(rule));
                if (same != Vector256<int>.Zero)
                {
                    return true;
                }
            }

            return false;
        }

        for (; q < rule; q++)
        {
            var block = Unsafe.Add(ref rowA, q);
            if (block != 0 && block == Unsafe.Add(ref rowB, q))
            {
                return true;
            }
        }

        return false;
    }
}
