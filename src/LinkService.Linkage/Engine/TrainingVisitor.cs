using LinkService.Linkage.Blocking;
using LinkService.Linkage.Comparison;
using LinkService.Linkage.Model;

namespace LinkService.Linkage.Engine;

/// <summary>
/// First pass: counts distinct (pattern, rules) combinations for EM on the <see cref="TrainingSample"/>'s pairs (each
/// standing for 1 / rate pairs), and over every pair the pairs per rule and, where truth is known, true pairs kept.
/// </summary>
internal sealed class TrainingVisitor(PairComparer comparer, IReadOnlyList<CompiledRule> rules, RuleHashes hashes, byte[] source, int[]? truth, TrainingSample sample) : IPairVisitor<TrainingVisitor.Local>
{
    private readonly Lock _lock = new();
    private readonly CompiledRule[] _rules = [.. rules];
    private readonly Dictionary<(ulong, uint, int), long> _counts = [];

    public long[] PairsOwned { get; } = new long[rules.Count];

    public long[] TrueOwned { get; } = new long[rules.Count];

    public long[] TrueInRule { get; } = new long[rules.Count];

    public IReadOnlyList<PatternCount> Patterns => [.. _counts.OrderBy(p => p.Key.Item1).ThenBy(p => p.Key.Item2).ThenBy(p => p.Key.Item3).Select(p => new PatternCount(p.Key.Item1, p.Key.Item2, p.Value / sample.Rate, p.Key.Item3))];

    public Local NewLocal() => new(_rules.Length);

    public void Visit(Local local, int rule, int a, int b)
    {
        local.PairsOwned[rule]++;
        var sampled = sample.Includes(a, b);
        var isTrue = truth is not null && truth[a] >= 0 && truth[a] == truth[b];
        if (!sampled && !isTrue)
        {
            return;
        }

        var mask = 1u << rule;
        for (var q = rule + 1; q < _rules.Length; q++)
        {
            if (hashes.Agrees(q, a, b))
            {
                mask |= 1u << q;
            }
        }

        if (sampled)
        {
            ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(local.Counts, (comparer.Pattern(a, b), mask, SourcePairs.Of(source[a], source[b])), out _);
            count++;
        }

        if (isTrue)
        {
            local.TrueOwned[rule]++;
            for (var q = rule; q < _rules.Length; q++)
            {
                if ((mask & (1u << q)) != 0)
                {
                    local.TrueInRule[q]++;
                }
            }
        }
    }

    public void Merge(Local local)
    {
        lock (_lock)
        {
            foreach (var (key, value) in local.Counts)
            {
                _counts[key] = _counts.GetValueOrDefault(key) + value;
            }

            for (var r = 0; r < _rules.Length; r++)
            {
                PairsOwned[r] += local.PairsOwned[r];
                TrueOwned[r] += local.TrueOwned[r];
                TrueInRule[r] += local.TrueInRule[r];
            }
        }
    }

    internal sealed class Local(int rules)
    {
        public Dictionary<(ulong, uint, int), long> Counts { get; } = [];

        public long[] PairsOwned { get; } = new long[rules];

        public long[] TrueOwned { get; } = new long[rules];

        public long[] TrueInRule { get; } = new long[rules];
    }
}
