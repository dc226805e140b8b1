using LinkService.Configuration.Projects;
using LinkService.Linkage.Blocking;

namespace LinkService.Linkage.Engine;

/// <summary>
/// Per blocking rule, the candidate pairs it owns (generates first, counted by the scoring pass as it visits them) and,
/// where truth is known, the true pairs it owns and the true pairs it generates at all: the blocking figures of
/// quality.json.
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

    public void Add(RuleTally other)
    {
        for (var r = 0; r < PairsOwned.Length; r++)
        {
            PairsOwned[r] += other.PairsOwned[r];
        }
    }

    /// <summary>
    /// Counts the true pairs (<paramref name="truth"/>: per record its person, -1 unknown) the mode compares, each under
    /// the rules that put it in one block; the first of them owns it, as it owns the pair in the passes. Counted from the
    /// true pairs themselves, not by looking every candidate pair up in the truth.
    /// </summary>
    public void CountTruePairs(RuleHashes hashes, int[] truth, byte[] source, LinkageMode mode)
    {
        var records = Enumerable.Range(0, truth.Length).Where(r => truth[r] >= 0).ToArray();
        var people = records.Select(r => truth[r]).ToArray();
        Array.Sort(people, records);
        for (var start = 0; start < records.Length;)
        {
            var end = start + 1;
            while (end < records.Length && people[end] == people[start])
            {
                end++;
            }

            for (var i = start; i < end; i++)
            {
                for (var j = i + 1; j < end; j++)
                {
                    var (a, b) = (Math.Min(records[i], records[j]), Math.Max(records[i], records[j]));
                    var same = source[a] == source[b];
                    if ((mode == LinkageMode.Link && same) || (mode == LinkageMode.Dedupe && !same))
                    {
                        continue;
                    }

                    var owner = 0;
                    while (owner < PairsOwned.Length && !hashes.Agrees(owner, a, b))
                    {
                        owner++;
                    }

                    if (owner == PairsOwned.Length)
                    {
                        continue;
                    }

                    TrueOwned[owner]++;
                    var mask = RulesFrom(hashes, PairsOwned.Length, owner, a, b);
                    for (var q = owner; q < PairsOwned.Length; q++)
                    {
                        TrueInRule[q] += (mask >> q) & 1;
                    }
                }
            }

            start = end;
        }
    }
}
