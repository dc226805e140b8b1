using LinkService.Linkage.Blocking;

namespace LinkService.Linkage.Engine;

/// <summary>
/// Per blocking rule, the candidate pairs it owns (generates first) and, where truth is known, the true pairs it owns
/// and the true pairs it generates at all: the blocking figures of quality.json, counted over every candidate pair.
/// One per worker of a pass, added into the pass's own at its end.
/// </summary>
internal sealed class RuleTally(int rules)
{
    public long[] PairsOwned { get; } = new long[rules];

    public long[] TrueOwned { get; } = new long[rules];

    public long[] TrueInRule { get; } = new long[rules];

    /// <summary>A bit per rule that puts the pair together, from <paramref name="rule"/> (the pair's owner, always set) on.</summary>
    public static uint RulesFrom(RuleHashes hashes, int rules, int rule, int a, int b)
    {
        var mask = 1u << rule;
        for (var q = rule + 1; q < rules; q++)
        {
            if (hashes.Agrees(q, a, b))
            {
                mask |= 1u << q;
            }
        }

        return mask;
    }

    /// <summary>Counts a pair <paramref name="rule"/> owns; <paramref name="truth"/> (per record its person, -1 unknown) may be null.</summary>
    public void Count(RuleHashes hashes, int[]? truth, int rule, int a, int b)
    {
        PairsOwned[rule]++;
        if (truth is null || truth[a] < 0 || truth[a] != truth[b])
        {
            return;
        }

        TrueOwned[rule]++;
        var mask = RulesFrom(hashes, PairsOwned.Length, rule, a, b);
        for (var q = rule; q < PairsOwned.Length; q++)
        {
            if ((mask & (1u << q)) != 0)
            {
                TrueInRule[q]++;
            }
        }
    }

    public void Add(RuleTally other)
    {
        for (var r = 0; r < PairsOwned.Length; r++)
        {
            PairsOwned[r] += other.PairsOwned[r];
            TrueOwned[r] += other.TrueOwned[r];
            TrueInRule[r] += other.TrueInRule[r];
        }
    }
}
