using System.Collections.Concurrent;
using LinkService.Configuration.Projects;
using LinkService.Linkage.Data;
using LinkService.Linkage.Progress;

namespace LinkService.Linkage.Blocking;

/// <summary>Receives each candidate pair once, on a worker's own state, then merges that state.</summary>
internal interface IPairVisitor<TLocal>
{
    TLocal NewLocal();

    void Visit(TLocal local, int rule, int a, int b);

    /// <summary>
    /// Whether the visitor wants the pair at all, asked before the earlier rules' blocks are read: a visitor that takes a
    /// sample of the pairs skips the others without a fetch of either record's row.
    /// </summary>
    bool Wants(int a, int b) => true;

    /// <summary>A record whose pairs come a few records from now: a visitor may start fetching what it reads of it.</summary>
    void Upcoming(int record)
    {
    }

    void Merge(TLocal local);
}

/// <summary>
/// Streams the union of the rules' candidate pairs over both cores. A pair is visited only under the
/// first rule that generates it: a later rule re-checks the earlier rules' keys and skips the pair.
/// </summary>
internal static class PairEnumerator
{
    private const int Ahead = 8;

    public static void Run<TLocal>(IReadOnlyList<CompiledRule> rules, RuleHashes hashes, IReadOnlyList<RuleBlocks> blocks, RecordTable table, LinkageMode mode, IPairVisitor<TLocal> visitor, CancellationToken cancellationToken, StageProgress? progress = null) =>
        Run<Dispatched<TLocal>, TLocal>(rules, hashes, blocks, table, mode, new Dispatched<TLocal>(visitor), cancellationToken, progress);

    /// <summary>
    /// <see cref="Run{TLocal}"/> compiled for one visitor: a struct, so the calls on every pair are direct (through the
    /// interface, shared by the passes' visitors, each was a lookup: a pass that wanted one pair in eight spent most of
    /// its time in them).
    /// </summary>
    public static void Run<TVisitor, TLocal>(IReadOnlyList<CompiledRule> rules, RuleHashes hashes, IReadOnlyList<RuleBlocks> blocks, RecordTable table, LinkageMode mode, TVisitor visitor, CancellationToken cancellationToken, StageProgress? progress = null)
        where TVisitor : struct, IPairVisitor<TLocal>
    {
        var source = table.Source;
        var sourceEnd = table.SourceStart[1..];
        for (var r = 0; r < rules.Count; r++)
        {
            var ruleBlocks = blocks[r];
            if (ruleBlocks.BlockCount == 0)
            {
                continue;
            }

            var records = ruleBlocks.Records;
            var starts = ruleBlocks.Starts;
            var ruleIndex = r;
            var partitions = Partitioner.Create(0, ruleBlocks.BlockCount, Math.Max(1, ruleBlocks.BlockCount / 256));
            var options = Workers.Options(cancellationToken);
            Parallel.ForEach(partitions, options, () => visitor.NewLocal(), (range, _, local) =>
            {
                for (var block = range.Item1; block < range.Item2; block++)
                {
                    var end = starts[block + 1];
                    for (var i = starts[block]; i < end; i++)
                    {
                        // Records are taken in this array's order (a block's pairs again and again from cache): the
                        // rows of a record a few places on are fetched while this one's pairs are compared.
                        if (i + Ahead < records.Length)
                        {
                            var upcoming = records[i + Ahead];
                            hashes.Prefetch(upcoming);
                            visitor.Upcoming(upcoming);
                        }

                        var a = records[i];

                        // A block's records are in record order and each source's records are numbered consecutively,
                        // so a's partners in its own source come first, up to the end of its source: the mode's pairs
                        // are a range of the block, found without reading any record's source.
                        var ownEnd = sourceEnd[source[a]];
                        var (from, to) = (i + 1, end);
                        if (mode != LinkageMode.Both)
                        {
                            var other = from;
                            while (other < end && records[other] < ownEnd)
                            {
                                other++;
                            }

                            (from, to) = mode == LinkageMode.Link ? (other, end) : (from, other);
                        }

                        for (var j = from; j < to; j++)
                        {
                            var b = records[j];

                            // Equal hashes put the pair in this block; a 64-bit collision between different keys is vanishingly rare.
                            if (!visitor.Wants(a, b) || hashes.AnyBefore(ruleIndex, a, b))
                            {
                                continue;
                            }

                            visitor.Visit(local, ruleIndex, a, b);
                        }
                    }
                }

                progress?.Advance(ruleBlocks.PairsIn(range.Item1, range.Item2));
                return local;
            }, local => visitor.Merge(local));
        }
    }

    /// <summary>Every rule's pairs within its blocks, before the mode's and the earlier rules' pairs are skipped: what progress counts.</summary>
    public static long CandidatePairs(IReadOnlyList<RuleBlocks> blocks) => blocks.Sum(b => b.PairsIn(0, b.BlockCount));

    /// <summary>Any visitor, called through its interface.</summary>
    private readonly struct Dispatched<TLocal>(IPairVisitor<TLocal> visitor) : IPairVisitor<TLocal>
    {
        public TLocal NewLocal() => visitor.NewLocal();

        public bool Wants(int a, int b) => visitor.Wants(a, b);

        public void Visit(TLocal local, int rule, int a, int b) => visitor.Visit(local, rule, a, b);

        public void Upcoming(int record) => visitor.Upcoming(record);

        public void Merge(TLocal local) => visitor.Merge(local);
    }
}
