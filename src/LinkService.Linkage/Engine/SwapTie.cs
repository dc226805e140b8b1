using LinkService.Configuration.Projects.Linkage;
using LinkService.Linkage.Comparison;

namespace LinkService.Linkage.Engine;

/// <summary>
/// Two comparisons whose <c>swapped</c> levels test one event: the forename's "swapped with surname" and the surname's
/// "swapped with forename" both ask whether each record's forename is the other's surname and the other way round.
/// <para>
/// The model would count the swap twice, paying its m (about 1 % of matches) twice and taking each level capped by the
/// weaker level declared before it (the forename's at 2 bits, under "in middle names"): a swapped pair scored 8 bits
/// for its names where exact names score 16, and at 1M × 3M (synth) the 680 swapped pairs with date of birth and sex
/// agreeing were put at 0.33 on their own, of which 99.7 % were true. Scored once, a swap gains the swap's own
/// log2(m/u) (the two comparisons' estimates averaged: the same event in the same pairs), and no more than exact
/// agreement on both names.
/// </para>
/// </summary>
internal sealed record SwapTie(int First, int FirstLevel, int Second, int SecondLevel)
{
    /// <summary>Every pair of comparisons whose swapped levels name each other's field.</summary>
    public static IEnumerable<SwapTie> Find(PairComparer comparer)
    {
        var comparisons = comparer.Comparisons;
        for (var c1 = 0; c1 < comparisons.Count; c1++)
        {
            for (var c2 = c1 + 1; c2 < comparisons.Count; c2++)
            {
                var l1 = SwappedLevel(comparisons[c1].Spec, comparisons[c2].Spec.Field);
                var l2 = SwappedLevel(comparisons[c2].Spec, comparisons[c1].Spec.Field);
                if (l1 >= 0 && l2 >= 0)
                {
                    yield return new SwapTie(c1, l1, c2, l2);
                }
            }
        }
    }

    /// <summary>What the swap adds when both levels hold, on top of the two levels' own weights (<paramref name="factors"/>).</summary>
    public double Bits(double[][] factors, double[][] m, double[][] u)
    {
        var once = (Math.Log2(m[First][FirstLevel] / u[First][FirstLevel]) + Math.Log2(m[Second][SecondLevel] / u[Second][SecondLevel])) / 2;
        return Math.Min(once, factors[First][0] + factors[Second][0]) - factors[First][FirstLevel] - factors[Second][SecondLevel];
    }

    public bool Holds(ulong pattern) =>
        ComparisonVector.Level(pattern, First) == FirstLevel && ComparisonVector.Level(pattern, Second) == SecondLevel;

    private static int SwappedLevel(ComparisonSpec spec, string otherField)
    {
        for (var l = 0; l < spec.Levels.Count; l++)
        {
            if (spec.Levels[l].Method == ComparisonMethod.Swapped && string.Equals(spec.Levels[l].OtherField, otherField, StringComparison.Ordinal))
            {
                return l;
            }
        }

        return -1;
    }
}
