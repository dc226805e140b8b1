using System.Runtime.Intrinsics.X86;
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

    /// <summary>
    /// The lower record of the pairs that come a few records from now, its row read already: a visitor may start fetching
    /// what it reads by the record's values.
    /// </summary>
    void UpcomingFirst(int record)
    {
    }

    void Merge(TLocal local);
}

/// <summary>
/// Streams the union of the rules' candidate pairs over both cores, each pair once, under the first rule that generates
/// it (its owner).
/// <para>
/// Records are taken in record order, a range of them a worker: a record's partners of higher number are gathered from
/// its block under each rule (tagged with the rule), sorted, and each partner visited once with the lowest of its tags.
/// Enumerating rule by rule, as this once did, asked of every pair under every rule whether an earlier rule had put it
/// together, a read of both records' rows each; 33 M such checks at 1M × 3M for 12 M pairs, 2 s of CPU a pass. Here the
/// only rows read are the record's own, in order, and its blocks.
/// </para>
/// </summary>
internal static class PairEnumerator
{
    private const int Chunk = 1 << 13;

    // How many records ahead their blocks are fetched, and how many records after being gathered (their partners' rows
    // fetched) a record's pairs are visited.
    private const int Ahead = 8;
    private const int Lag = 4;

    // Bits of a gathered partner's key below its record number: the rule that put the pair together (RuleTally's masks hold 32).
    private const int RuleBits = 6;

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
        var members = blocks.Select(b => b.Records).ToArray();
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, (table.Count + Chunk - 1) / Chunk, options, () => visitor.NewLocal(), (chunk, _, local) =>
        {
            // The partners of a record are gathered (and their rows fetched) a few records before they are visited.
            var ring = new Partners[Lag];
            for (var k = 0; k < Lag; k++)
            {
                ring[k] = new Partners();
            }

            long pairs = 0;
            var (from, to) = (chunk * Chunk, Math.Min(table.Count, (chunk + 1) * Chunk));
            for (var a = from; a < to + Lag; a++)
            {
                var partners = ring[(a - from) % Lag];
                for (var k = 0; k < partners.Count; k++)
                {
                    visitor.Visit(local, partners.Owner(k), partners.Record, partners.Partner(k));
                }

                partners.Clear(a);
                if (a >= to)
                {
                    continue;
                }

                if (a + Ahead < to)
                {
                    PrefetchBlocks(hashes.BlockEnds(a + Ahead), members);
                }

                pairs += Gather<TVisitor, TLocal>(visitor, a, hashes.BlockEnds(a), members, mode, sourceEnd[source[a]], partners);
                if (partners.Count > 0)
                {
                    visitor.UpcomingFirst(a);
                }

                for (var k = 0; k < partners.Count; k++)
                {
                    visitor.Upcoming(partners.Partner(k));
                }
            }

            progress?.Advance(pairs);
            return local;
        }, local => visitor.Merge(local));
    }

    /// <summary>
    /// Record <paramref name="a"/>'s partners of higher number that the mode pairs it with and the visitor wants, each once
    /// with the first rule that blocks the two together. Returns the pairs its blocks hold with it before the mode's and
    /// the visitor's skips (what progress counts).
    /// </summary>
    private static long Gather<TVisitor, TLocal>(TVisitor visitor, int a, ReadOnlySpan<int> ends, int[][] members, LinkageMode mode, int ownEnd, Partners partners)
        where TVisitor : struct, IPairVisitor<TLocal>
    {
        long pairs = 0;
        for (var r = 0; r < ends.Length; r++)
        {
            var end = ends[r];
            if (end == 0)
            {
                continue;
            }

            // A block's records are in record order, and a is one of them: its higher partners are those after it. Each
            // source's records are numbered consecutively, so those of a's own source are the ones under its end.
            var records = members[r];
            for (var j = end - 1; records[j] > a; j--)
            {
                var b = records[j];
                pairs++;
                if ((mode == LinkageMode.Both || (mode == LinkageMode.Link) == (b >= ownEnd)) && visitor.Wants(a, b))
                {
                    partners.Add(((long)b << RuleBits) | (uint)r);
                }
            }
        }

        partners.Settle();
        return pairs;
    }

    /// <summary>Starts fetching the last records of a record's blocks, where its partners of higher number are.</summary>
    private static unsafe void PrefetchBlocks(ReadOnlySpan<int> ends, int[][] members)
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        for (var r = 0; r < ends.Length; r++)
        {
            if (ends[r] != 0)
            {
                fixed (int* at = &members[r][ends[r] - 1])
                {
                    Sse.Prefetch0(at);
                }
            }
        }
    }

    /// <summary>One record's gathered partners: keys of partner and rule, sorted, then one entry per partner (the lowest rule).</summary>
    private sealed class Partners
    {
        // Most records have a handful of partners: sorted in place without a call into the general sort.
        private const int SmallSort = 16;

        private long[] _keys = new long[64];

        public int Record { get; private set; }

        public int Count { get; private set; }

        public int Partner(int k) => (int)(_keys[k] >> RuleBits);

        public int Owner(int k) => (int)(_keys[k] & ((1 << RuleBits) - 1));

        public void Clear(int record)
        {
            Record = record;
            Count = 0;
        }

        public void Add(long key)
        {
            if (Count == _keys.Length)
            {
                Array.Resize(ref _keys, _keys.Length * 2);
            }

            _keys[Count++] = key;
        }

        /// <summary>Sorts by partner then rule and keeps each partner's first key.</summary>
        public void Settle()
        {
            if (Count < 2)
            {
                return;
            }

            var keys = _keys.AsSpan(0, Count);
            if (keys.Length <= SmallSort)
            {
                InsertionSort(keys);
            }
            else
            {
                keys.Sort();
            }

            var kept = 1;
            for (var k = 1; k < keys.Length; k++)
            {
                if (keys[k] >> RuleBits != keys[kept - 1] >> RuleBits)
                {
                    keys[kept++] = keys[k];
                }
            }

            Count = kept;
        }

        private static void InsertionSort(Span<long> keys)
        {
            for (var i = 1; i < keys.Length; i++)
            {
                var key = keys[i];
                var j = i - 1;
                for (; j >= 0 && keys[j] > key; j--)
                {
                    keys[j + 1] = keys[j];
                }

                keys[j + 1] = key;
            }
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

        public void UpcomingFirst(int record) => visitor.UpcomingFirst(record);

        public void Merge(TLocal local) => visitor.Merge(local);
    }
}
