using LinkService.Linkage.Comparison;

namespace LinkService.Linkage.Engine;

/// <summary>
/// A field of few values compared exactly (sex) whose value a term-frequency field's value goes with (SARAH is a
/// woman's name): when both agree, the chance that a stranger shares the two is f(SARAH, F), not f(SARAH) × u(sex).
/// <para>
/// The model multiplies the forename's frequency by the sex comparison's average u (about a half), as if a stranger
/// named SARAH were a man half the time; SARAH SMITH born the same day gained a bit she had not earned, and
/// namesakes linked more often than their probability said (1,798 false links at 1M × 3M where the model expected
/// 999). The tie replaces u(sex) by f(sex | forename), so the sex comparison adds log2(u / f(g | v)) more: −1 bit for
/// a name of one sex, nothing for a name either sex bears in proportion. f(g | v) is smoothed towards the field's
/// overall share of g by <see cref="PseudoRecords"/> records, so a rare name held by one man is not read as a man's name.
/// </para>
/// <para>
/// Each few-valued field ties to the one term-frequency field that tells most about it (mutual information), and
/// only when that is at least <see cref="MinimumInformation"/> bits: tying it to two (forename and surname) would
/// replace its u twice.
/// </para>
/// </summary>
internal sealed class TermFrequencyTie
{
    /// <summary>A field with more values than this (counting none) is not a few-valued field.</summary>
    public const int MaxValues = 8;

    /// <summary>Below this many bits of mutual information the two fields are taken as unrelated (surname and sex).</summary>
    public const double MinimumInformation = 0.1;

    /// <summary>Records' worth of weight given to the field's overall shares when estimating f(g | v).</summary>
    public const double PseudoRecords = 10;

    private readonly double[] _bits;
    private readonly int _values;

    private TermFrequencyTie(int field, int tied, double[] bits, int values)
    {
        Field = field;
        Tied = tied;
        _bits = bits;
        _values = values;
    }

    /// <summary>The term-frequency comparison (forename).</summary>
    public int Field { get; }

    /// <summary>The few-valued comparison tied to it (sex).</summary>
    public int Tied { get; }

    /// <summary>−log2 f(g | v): with log2 u of the tied comparison's exact agreement, what that agreement adds when the field agrees exactly on v.</summary>
    public double Bits(int value, int tied) => _bits[(value * _values) + tied];

    public static IReadOnlyList<TermFrequencyTie> Find(PairComparer comparer)
    {
        var ties = new List<TermFrequencyTie>();
        var termFrequency = comparer.Comparisons.Where(c => c.Spec.TermFrequency && c.Column.Pool is not null).ToList();
        foreach (var few in comparer.Comparisons)
        {
            if (few.Spec.TermFrequency || few.Column.Pool is not { Count: <= MaxValues } || few.Spec.Levels[0].Method != Configuration.Projects.Linkage.ComparisonMethod.Exact)
            {
                continue;
            }

            var best = termFrequency
                .Select(field => (Field: field, Joint: JointCounts.Of(field.Column.Values, field.Column.Pool!.Count, few.Column.Values, few.Column.Pool.Count)))
                .Select(x => (x.Field, x.Joint, Information: x.Joint.MutualInformation()))
                .Where(x => x.Information >= MinimumInformation)
                .OrderByDescending(x => x.Information)
                .FirstOrDefault();
            if (best.Field is not null)
            {
                ties.Add(new TermFrequencyTie(best.Field.Index, few.Index, Surprisal(best.Joint), few.Column.Pool.Count));
            }
        }

        return ties;
    }

    private static double[] Surprisal(JointCounts joint)
    {
        var bits = new double[joint.Values * joint.TiedValues];
        for (var v = 1; v < joint.Values; v++)
        {
            for (var g = 1; g < joint.TiedValues; g++)
            {
                var share = (joint[v, g] + (PseudoRecords * joint.TiedShare(g))) / (joint.ValueTotal(v) + PseudoRecords);
                bits[(v * joint.TiedValues) + g] = share <= 0 ? 0 : -Math.Log2(share);
            }
        }

        return bits;
    }
}
