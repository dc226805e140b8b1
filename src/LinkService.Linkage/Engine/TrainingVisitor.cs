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

    /// <summary>
    /// Takes the pair in a few pairs from now: the sample's pairs are scattered, so their rows are fetched as they are
    /// taken and compared only once <see cref="Local.Delay"/> others have been taken since.
    /// </summary>
    public void Visit(Local local, int rule, int a, int b)
    {
        comparer.Prefetch(a);
        comparer.Prefetch(b);
        var slot = local.Taken++ % Local.Delay;
        if (local.Taken > Local.Delay)
        {
            Count(local, local.Waiting[slot]);
        }

        local.Waiting[slot] = (rule, a, b);
    }

    public void Merge(Local local)
    {
        for (var i = Math.Max(0, local.Taken - Local.Delay); i < local.Taken; i++)
        {
            Count(local, local.Waiting[i % Local.Delay]);
        }

        lock (_lock)
        {
            foreach (var (key, value) in local.Counts)
            {
                _counts[key] = _counts.GetValueOrDefault(key) + value;
            }
        }
    }

    private void Count(Local local, (int Rule, int A, int B) pair)
    {
        var (rule, a, b) = pair;
        var mask = RuleTally.RulesFrom(hashes, _rules, rule, a, b);
        ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(local.Counts, (comparer.Pattern(a, b), mask, SourcePairs.Of(source[a], source[b])), out _);
        count++;
    }

    internal sealed class Local
    {
        public const int Delay = 16;

        public Dictionary<(ulong, uint, int), long> Counts { get; } = [];

        public (int Rule, int A, int B)[] Waiting { get; } = new (int, int, int)[Delay];

        public int Taken { get; set; }
    }

    /// <summary>This visitor as the enumerator takes it (<see cref="PairEnumerator.Run{TVisitor, TLocal}"/>): calls to it are direct.</summary>
    public Pass AsPass() => new(this);

    internal readonly struct Pass(TrainingVisitor visitor) : IPairVisitor<Local>
    {
        public Local NewLocal() => visitor.NewLocal();

        public bool Wants(int a, int b) => visitor.Wants(a, b);

        public void Visit(Local local, int rule, int a, int b) => visitor.Visit(local, rule, a, b);

        public void Upcoming(int record)
        {
        }

        public void Merge(Local local) => visitor.Merge(local);
    }
}
