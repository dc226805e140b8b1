using System.Runtime.CompilerServices;
using LinkService.Linkage.Blocking;
using LinkService.Linkage.Comparison;
using LinkService.Linkage.Data;
using LinkService.Linkage.Model;

namespace LinkService.Linkage.Engine;

/// <summary>
/// Second pass: scores every candidate pair, keeps those that could reach the review threshold once the candidate
/// decision lifts a lone pair (<see cref="PartnerShares.MaxLiftBits"/> under it), and gathers figures. Pairs under that
/// down to <see cref="TailFloor"/> are kept apart (the tail), for the matches expected among them. Counts the pairs each
/// rule owns too (<see cref="Rules"/>).
/// </summary>
internal sealed class ScoringVisitor(PairComparer comparer, PairScorer scorer, double reviewThreshold, float[] best, int rules) : IPairVisitor<ScoringVisitor.Local>
{
    private readonly double _keptFloor = Math.Log2(reviewThreshold / (1 - reviewThreshold)) - PartnerShares.MaxLiftBits;

    public const int HistogramLow = -40;
    public const int HistogramBins = 101;
    private const double FixedPoint = 1e6;

    /// <summary>
    /// The lowest weight kept in the tail: the pairs under it (a match probability under one in a thousand) are counted
    /// in <see cref="ProbabilitySum"/> only, where 20 million of them at 1M × 3M sum to a few hundred matches.
    /// </summary>
    public const double TailFloor = -10;
    private readonly Lock _lock = new();

    // The workers' lists as they finish, gathered into Kept and Tail once the pass is over: added to one list as each
    // finished, that list grew by doubling (tens of megabytes copied and taken fresh, each time under the lock).
    private readonly List<List<ScoredPair>> _keptParts = [];
    private readonly List<List<TailPair>> _tailParts = [];

    /// <summary>The kept pairs, once the pass is over and <see cref="SortByRecord"/> has gathered them.</summary>
    public List<ScoredPair> Kept { get; } = [];

    /// <summary>The tail's pairs, once the pass is over and <see cref="SortByRecord"/> has gathered them.</summary>
    public List<TailPair> Tail { get; } = [];

    /// <summary>Sum of the tail's own match probabilities, in millionths.</summary>
    public long TailProbabilitySum { get; private set; }

    public long[] Histogram { get; } = new long[HistogramBins];

    public RuleTally Rules { get; } = new(rules);

    public long Pairs { get; private set; }

    /// <summary>Sum of all pairs' match probabilities, in millionths (integers, so the total is the same whatever the thread order).</summary>
    public long ProbabilitySum { get; private set; }

    public Local NewLocal() => new(rules);

    public void Visit(Local local, int rule, int a, int b)
    {
        local.Rules.PairsOwned[rule]++;
        var pattern = comparer.Pattern(a, b);
        var weight = scorer.Weight(a, b, pattern);
        var probability = FellegiSunterModel.Probability(weight);
        local.Pairs++;
        local.ProbabilitySum += (long)Math.Round(probability * FixedPoint);
        local.Histogram[Math.Clamp((int)Math.Floor(weight) - HistogramLow, 0, HistogramBins - 1)]++;
        if (weight >= _keptFloor)
        {
            local.Kept.Add(new ScoredPair(a, b, (float)weight, (float)probability, pattern));
        }
        else if (weight >= TailFloor)
        {
            local.Tail.Add(new TailPair(a, b, (float)weight));
            local.TailProbabilitySum += (long)Math.Round(probability * FixedPoint);
        }

        Raise(a, (float)probability);
        Raise(b, (float)probability);
    }

    /// <summary>Fetches what a pair of the record reads: its row, and its best probability so far, which the pair may raise.</summary>
    public unsafe void Upcoming(int record)
    {
        comparer.Prefetch(record);
        if (System.Runtime.Intrinsics.X86.Sse.IsSupported)
        {
            fixed (float* at = &best[record])
            {
                System.Runtime.Intrinsics.X86.Sse.Prefetch0(at);
            }
        }
    }

    public void Merge(Local local)
    {
        lock (_lock)
        {
            _keptParts.Add(local.Kept);
            _tailParts.Add(local.Tail);
            TailProbabilitySum += local.TailProbabilitySum;
            Pairs += local.Pairs;
            Rules.Add(local.Rules);
            ProbabilitySum += local.ProbabilitySum;
            for (var i = 0; i < HistogramBins; i++)
            {
                Histogram[i] += local.Histogram[i];
            }
        }
    }

    public static double FromFixed(long value) => value / FixedPoint;

    /// <summary>Gathers <see cref="Kept"/> and <see cref="Tail"/> from the workers' lists and puts them in record order (by A, then B; each pair is there once), whatever order the threads kept them in.</summary>
    public void SortByRecord() => Parallel.Invoke(
        () => GatherInOrder(_keptParts, Kept, p => (p.A, p.B)),
        () => GatherInOrder(_tailParts, Tail, p => (p.A, p.B)));

    /// <summary>
    /// The parts' pairs, in record order, after what <paramref name="into"/> holds: sized once, each pair copied once,
    /// from its part straight to its place, and the parts let go.
    /// </summary>
    /// <remarks>
    /// The pairs' (A, B) are shifted up so their highest bit in use is the key's top one, and dealt by the blocks' radix
    /// sort (<see cref="RadixSort"/>: each pair is there once, so its order is the only one); a comparison sort of the
    /// 2.8M kept pairs at 1M × 3M took 0.3 s on one core while the other sorted the tail. Each place then takes its pair
    /// from the part it is in, a range of places a worker, a pair fetched a few places before it is copied: the pairs
    /// copied together and then moved into order cycle by cycle, one read waiting on the last, took 0.4 s on one core.
    /// </remarks>
    internal static void GatherInOrder<T>(List<List<T>> parts, List<T> into, Func<T, (int A, int B)> records)
        where T : unmanaged
    {
        var starts = new int[parts.Count + 1];
        for (var p = 0; p < parts.Count; p++)
        {
            starts[p + 1] = starts[p] + parts[p].Count;
        }

        var total = starts[^1];
        var keys = new ulong[total];
        var order = new int[total];
        var all = 0UL;
        var i = 0;
        foreach (var part in parts)
        {
            foreach (var pair in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(part))
            {
                var (a, b) = records(pair);
                keys[i] = ((ulong)(uint)a << 32) | (uint)b;
                all |= keys[i];
                order[i] = i;
                i++;
            }
        }

        var shift = all == 0 ? 0 : (int)ulong.LeadingZeroCount(all);
        for (i = 0; i < keys.Length; i++)
        {
            keys[i] <<= shift;
        }

        RadixSort.Sort(keys, order, keys.Length);

        var at = into.Count;
        System.Runtime.InteropServices.CollectionsMarshal.SetCount(into, at + total);
        var placed = into;
        Ranges.For(total, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (from, to) =>
        {
            var target = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(placed).Slice(at, total);
            for (var j = from; j < to; j++)
            {
                if (j + Ahead < to)
                {
                    var (aheadPart, aheadAt) = Locate(starts, order[j + Ahead]);
                    CacheFetch.Ahead(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(parts[aheadPart]), aheadAt);
                }

                var (part, index) = Locate(starts, order[j]);
                target[j] = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(parts[part])[index];
            }
        });

        parts.Clear();
    }

    /// <summary>How many places on a pair is fetched before it is copied.</summary>
    private const int Ahead = 16;

    /// <summary>The part holding the <paramref name="index"/>th pair of all the parts, and its place there (the parts are a few dozen).</summary>
    private static (int Part, int Index) Locate(int[] starts, int index)
    {
        var (low, high) = (0, starts.Length - 2);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            (low, high) = starts[middle] <= index ? (middle, high) : (low, middle - 1);
        }

        return (low, index - starts[low]);
    }

    private void Raise(int record, float probability)
    {
        var current = Volatile.Read(ref best[record]);
        while (probability > current)
        {
            var seen = Interlocked.CompareExchange(ref best[record], probability, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    internal sealed class Local(int rules)
    {
        public RuleTally Rules { get; } = new(rules);

        public List<ScoredPair> Kept { get; } = [];

        public List<TailPair> Tail { get; } = [];

        public long TailProbabilitySum { get; set; }

        public long[] Histogram { get; } = new long[HistogramBins];

        public long Pairs { get; set; }

        public long ProbabilitySum { get; set; }
    }

    /// <summary>This visitor as the enumerator takes it (<see cref="PairEnumerator.Run{TVisitor, TLocal}"/>): calls to it are direct.</summary>
    public Pass AsPass() => new(this);

    internal readonly struct Pass(ScoringVisitor visitor) : IPairVisitor<Local>
    {
        public Local NewLocal() => visitor.NewLocal();

        public bool Wants(int a, int b) => true;

        public void Visit(Local local, int rule, int a, int b) => visitor.Visit(local, rule, a, b);

        public void Upcoming(int record) => visitor.Upcoming(record);

        public void Merge(Local local) => visitor.Merge(local);
    }
}
