namespace LinkService.Linkage.Blocking;

/// <summary>
/// The working arrays one rule's blocks are built in (<see cref="RuleBlocks.Build(CompiledRule, Data.RecordTable, Configuration.Projects.LinkageMode, BlockScratch)"/>),
/// a record's room each: kept by a worker and built in again for its next rule.
/// <para>
/// Built afresh for every rule, they were a tenth of a gigabyte a rule at 1M × 3M, eleven rules in all: memory the
/// kernel clears before first use, and clearing it was 1.4 s of the blocking stage's 6.6 s of CPU (perf, `clear_page_erms`).
/// </para>
/// </summary>
internal sealed class BlockScratch
{
    public BlockScratch(int records)
    {
        // At least one place: a block's starts begin with 0 even when no record has the rule's keys.
        var room = Math.Max(1, records);
        Hashes = GC.AllocateUninitializedArray<ulong>(room);
        Records = GC.AllocateUninitializedArray<int>(room);
        SortKeys = GC.AllocateUninitializedArray<ulong>(room);
        SortValues = GC.AllocateUninitializedArray<int>(room);
    }

    /// <summary>Each keyed record's hash, then sorted.</summary>
    public ulong[] Hashes { get; }

    /// <summary>Each keyed record's number, sorted with its hash, then the kept blocks' records.</summary>
    public int[] Records { get; }

    /// <summary>The sort's other half of keys, then free.</summary>
    public ulong[] SortKeys { get; }

    /// <summary>The sort's other half of values, then the kept blocks' starts.</summary>
    public int[] SortValues { get; }

    /// <summary>Whether this scratch has room for a table of <paramref name="records"/> records.</summary>
    public bool Fits(int records) => Records.Length >= records;
}
