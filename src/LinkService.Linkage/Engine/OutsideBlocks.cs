using LinkService.Linkage.Blocking;

namespace LinkService.Linkage.Engine;

/// <summary>
/// The model's estimate of the matching pairs no blocking rule generated, which were never compared and so can never
/// be linked. Scoring random pairs finds almost none of them (one in millions of pairs is a match), so the estimate
/// rests on the model's own assumption instead, that fields agree independently within a match:
/// <list type="number">
/// <item>for each field a rule blocks on, how often a match agrees on each combination of that field's keys
/// (surname exact, its Double Metaphone, its Soundex, …), learnt from the likely matches (weighted by their match
/// probability) that a rule <em>not</em> on that field generated, so their agreement on it was not selected for;</item>
/// <item>from those, the chance that a match satisfies no rule at all (every combination of the fields' agreements,
/// multiplied out);</item>
/// <item>scaled to the expected matches among the compared pairs: outside = inside × miss ÷ (1 − miss).</item>
/// </list>
/// </summary>
internal static class OutsideBlocks
{
    public static double ExpectedMatches(IReadOnlyList<CompiledRule> rules, RuleHashes hashes, IReadOnlyList<ScoredPair> likelyMatches, double expectedInBlocks)
    {
        var keys = new KeySet(rules);
        var fields = keys.Fields.Count;
        var agreement = new Dictionary<int, double>[fields];
        var unselected = new bool[fields];
        for (var f = 0; f < fields; f++)
        {
            agreement[f] = [];

            // A field every rule blocks on has no unselected view: its agreement is read off all likely matches (too high).
            unselected[f] = rules.Any(r => !r.Fields.Contains(keys.Fields[f]));
        }

        // Which rules leave each field out: asked of every likely match, field by field.
        var without = keys.Fields.Select(field => rules.Select(r => !r.Fields.Contains(field)).ToArray()).ToArray();

        // A chunk of pairs' states is found over both cores, then summed in the pairs' order (the same sums every run).
        const int Chunk = 1 << 16;
        var states = new int[Chunk * fields];
        var counted = new bool[Chunk * fields];
        for (var from = 0; from < likelyMatches.Count; from += Chunk)
        {
            var count = Math.Min(Chunk, likelyMatches.Count - from);
            Parallel.For(0, count, i =>
            {
                var pair = likelyMatches[from + i];
                var at = i * fields;
                keys.States(pair.A, pair.B, states.AsSpan(at, fields));
                for (var f = 0; f < fields; f++)
                {
                    counted[at + f] = !unselected[f] || GeneratedWithout(without[f], hashes, pair.A, pair.B);
                }
            });

            for (var i = 0; i < count; i++)
            {
                var probability = likelyMatches[from + i].Probability;
                for (var f = 0; f < fields; f++)
                {
                    var state = states[(i * fields) + f];
                    if (counted[(i * fields) + f])
                    {
                        agreement[f][state] = agreement[f].GetValueOrDefault(state) + probability;
                    }
                }
            }
        }

        var miss = MissShare(keys, agreement);
        return miss >= 1 || expectedInBlocks <= 0 ? 0 : expectedInBlocks * miss / (1 - miss);
    }

    /// <summary>The chance that a match satisfies no rule, over every combination of the fields' agreement states.</summary>
    private static double MissShare(KeySet keys, Dictionary<int, double>[] agreement)
    {
        var distributions = agreement.Select(d =>
        {
            var total = d.Values.Sum();
            return total <= 0 ? [(0, 1.0)] : d.Select(s => (State: s.Key, Share: s.Value / total)).ToArray();
        }).ToArray();
        var states = new int[distributions.Length];
        double Walk(int f, double chance)
        {
            if (f == distributions.Length)
            {
                return keys.AnyRuleHolds(states) ? 0 : chance;
            }

            var sum = 0.0;
            foreach (var (state, share) in distributions[f])
            {
                states[f] = state;
                sum += Walk(f + 1, chance * share);
            }

            return sum;
        }

        return Walk(0, 1);
    }

    /// <summary>Whether a rule that leaves the field out (<paramref name="without"/>, per rule) generated the pair.</summary>
    private static bool GeneratedWithout(bool[] without, RuleHashes hashes, int a, int b)
    {
        for (var r = 0; r < without.Length; r++)
        {
            if (without[r] && hashes.Agrees(r, a, b))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The rules' distinct keys, grouped by field: a pair's agreement on a field is a bit per key of that field.</summary>
    private sealed class KeySet
    {
        private readonly List<(int Field, int Bit, int[] Values)> _keys = [];
        private readonly (int Field, int Bit)[][] _ruleKeys;

        public KeySet(IReadOnlyList<CompiledRule> rules)
        {
            var index = new Dictionary<(string, Configuration.Projects.Linkage.KeyTransform, int), (int Field, int Bit)>();
            _ruleKeys = new (int, int)[rules.Count][];
            for (var r = 0; r < rules.Count; r++)
            {
                var specs = rules[r].Spec.Keys;
                _ruleKeys[r] = new (int, int)[specs.Count];
                for (var k = 0; k < specs.Count; k++)
                {
                    var spec = specs[k];
                    var id = (spec.Field, spec.Transform, spec.Transform == Configuration.Projects.Linkage.KeyTransform.Prefix ? spec.Length : 0);
                    if (!index.TryGetValue(id, out var at))
                    {
                        var field = Fields.IndexOf(spec.Field);
                        if (field < 0)
                        {
                            Fields.Add(spec.Field);
                            field = Fields.Count - 1;
                        }

                        at = (field, _keys.Count(key => key.Field == field));
                        index[id] = at;
                        _keys.Add((at.Field, at.Bit, rules[r].Keys[k]));
                    }

                    _ruleKeys[r][k] = at;
                }
            }
        }

        public List<string> Fields { get; } = [];

        public void States(int a, int b, Span<int> states)
        {
            states.Clear();
            foreach (var (field, bit, values) in _keys)
            {
                if (values[a] != 0 && values[a] == values[b])
                {
                    states[field] |= 1 << bit;
                }
            }
        }

        public bool AnyRuleHolds(int[] states) =>
            _ruleKeys.Any(keys => keys.All(k => (states[k.Field] & (1 << k.Bit)) != 0));
    }
}
