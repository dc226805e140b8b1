using LinkService.Configuration.Projects;
using LinkService.Linkage.Data;

namespace LinkService.Linkage.Blocking;

/// <summary>
/// One rule's blocks: the records holding the rule's keys grouped by key hash (in record order within a block), with
/// block boundaries. Blocks that cannot yield a pair for the mode are dropped; oversized ones are skipped and counted
/// (the rule compares none of their pairs, so <see cref="RuleHashes"/> gives their records no block for it, and
/// later rules do not take it as having compared them).
/// </summary>
internal sealed class RuleBlocks
{
    private RuleBlocks(int[] records, int[] starts, long skippedBlocks, long skippedRecords)
    {
        Records = records;
        Starts = starts;
        SkippedBlocks = skippedBlocks;
        SkippedRecords = skippedRecords;
    }

    public int[] Records { get; }

    /// <summary>Start offset of each block in <see cref="Records"/>, plus a final end offset.</summary>
    public int[] Starts { get; }

    public int BlockCount => Starts.Length - 1;

    public long SkippedBlocks { get; }

    public long SkippedRecords { get; }

    /// <summary>The pairs within blocks <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive).</summary>
    /// <summary>The pairs the mode lets through, block by block (a pair again under each rule that blocks it). Records in a
    /// block are in record order, so each source's records in it are consecutive.</summary>
    public long CandidatePairs(byte[] source, LinkageMode mode)
    {
        long total = 0;
        for (var block = 0; block < BlockCount; block++)
        {
            long all = Starts[block + 1] - Starts[block];
            long within = 0;

            // Under `both` every pair of the block counts: the sources of its records (a lookup each, all over memory) are not read.
            for (var i = Starts[block]; mode != LinkageMode.Both && i < Starts[block + 1];)
            {
                var end = i + 1;
                while (end < Starts[block + 1] && source[Records[end]] == source[Records[i]])
                {
                    end++;
                }

                within += (long)(end - i) * (end - i - 1) / 2;
                i = end;
            }

            var pairs = all * (all - 1) / 2;
            total += mode switch
            {
                LinkageMode.Link => pairs - within,
                LinkageMode.Dedupe => within,
                _ => pairs,
            };
        }

        return total;
    }

    public long PairsIn(int from, int to)
    {
        long pairs = 0;
        for (var block = from; block < to; block++)
        {
            long size = Starts[block + 1] - Starts[block];
            pairs += size * (size - 1) / 2;
        }

        return pairs;
    }

    public static RuleBlocks Build(CompiledRule rule, RecordTable table, LinkageMode mode) =>
        Build(rule, table, mode, new BlockScratch(table.Count));

    /// <summary>One rule's blocks, built in <paramref name="scratch"/> (left holding nothing the blocks need).</summary>
    public static RuleBlocks Build(CompiledRule rule, RecordTable table, LinkageMode mode, BlockScratch scratch)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        if (!scratch.Fits(table.Count))
        {
            throw new ArgumentException($"The scratch has room for fewer than the table's {table.Count} records.", nameof(scratch));
        }

        var (hashes, records) = (scratch.Hashes, scratch.Records);
        var n = 0;
        for (var i = 0; i < table.Count; i++)
        {
            var hash = rule.Hash(i);
            if (hash != 0)
            {
                hashes[n] = hash;
                records[n++] = i;
            }
        }

        RadixSort.Sort(hashes, records, n, scratch.SortKeys, scratch.SortValues);

        // The kept blocks' records are moved down within the sorted ones (a block is never moved up: what is kept
        // before it is no longer than what was read), and their starts go where the sort's values were.
        var keptCount = 0;
        var starts = scratch.SortValues;
        starts[0] = 0;
        var blockCount = 0;
        long skippedBlocks = 0;
        long skippedRecords = 0;
        var source = table.Source;
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && hashes[end] == hashes[start])
            {
                end++;
            }

            var size = end - start;
            if (size >= 2)
            {
                var mixed = source[records[start]] != source[records[end - 1]];
                var useful = mode switch
                {
                    LinkageMode.Link => mixed,
                    LinkageMode.Dedupe => HasRepeatedSource(records.AsSpan(start, size), source),
                    _ => true,
                };
                if (useful && size > rule.Spec.MaxBlockSize)
                {
                    skippedBlocks++;
                    skippedRecords += size;
                }
                else if (useful)
                {
                    records.AsSpan(start, size).CopyTo(records.AsSpan(keptCount));
                    keptCount += size;
                    starts[++blockCount] = keptCount;
                }
            }

            start = end;
        }

        return new RuleBlocks(records[..keptCount], starts[..(blockCount + 1)], skippedBlocks, skippedRecords);
    }

    private static bool HasRepeatedSource(ReadOnlySpan<int> sorted, byte[] source)
    {
        for (var i = 1; i < sorted.Length; i++)
        {
            if (source[sorted[i]] == source[sorted[i - 1]])
            {
                return true;
            }
        }

        return false;
    }
}
