using LinkService.Linkage.Blocking;
using LinkService.Linkage.Comparison;
using LinkService.Linkage.Model;

namespace LinkService.Linkage.Engine;

/// <summary>
/// First pass: counts distinct (pattern, rules) combinations for EM on the <see cref="TrainingSample"/>'s pairs (each
/// standing for 1 / rate pairs). Only the sample is wanted: the other pairs are skipped before their rows are read, and
/// the figures over every pair (<see cref="RuleTally"/>) are counted by the scoring pass, which visits them all anyway.
/// </summary>
internal sealed class TrainingVisitor(PairComparer comparer, IReadOnlyList<CompiledRule> rules, RuleHashes hashes, byte[] source, TrainingSample sample) : IPairVisitor<TrainingVisitor.Local>
{
    private readonly Lock _lock = new();
    private readonly int _rules = rules.Count;
    private readonly Dictionary<(ulong, uint, int), long> _counts = [];

    public IReadOnlyList<PatternCount> Patterns => [.. _counts.OrderBy(p => p.Key.Item1).ThenBy(p => p.Key.Item2).ThenBy(p => p.Key.Item3).Select(p => new PatternCount(p.Key.Item1, p.Key.Item2, p.Value / sample.Rate, p.Key.Item3))];

    public Local NewLocal() => new();

    public bool Wants(int a, int b) => sample.Includes(a, b);

    public void Visit(Local local, int rule, int a, int b)
    {
        var mask = RuleTally.RulesFrom(hashes, _rules, rule, a, b);
        ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(local.Counts, (comparer.Pattern(a, b), mask, SourcePairs.Of(source[a], source[b])), out _);
        count++;
    }

    public void Merge(Local local)
    {
        lock (_lock)
        {
            foreach (var (key, value) in local.Counts)
            {
                _counts[key] = _counts.GetValueOrDefault(key) + value;
            }
        }
    }

    internal sealed class Local
    {
        public Dictionary<(ulong, uint, int), long> Counts { get; } = [];
    }
}
