using LinkService.Configuration.Projects.Linkage;
using LinkService.Configuration.Schemas;
using LinkService.Linkage.Comparison;
using LinkService.Linkage.Model;

namespace LinkService.Linkage.Engine;

/// <summary>
/// Postcode agreement between two records whose surnames differ is scored against how often two different people with
/// different surnames share a postcode, counted over every pair of records, not against the random pairs' u.
/// <para>
/// Two strangers share a full postcode about once in ten million pairs; the 2,000,000 random pairs (a third of them a
/// pair of sources) see none, so u of exact agreement is half a pseudo-pair over the samples: 7.5e-7 at 1M × 3M (synth)
/// where the pairs of non-matches say 1.19e-7, and postcode agreement added 20.1 bits where it is worth 22.9. An
/// offender's alias records, both names different and date of birth, sex and postcode the same, were put at 0.94 where
/// 99.9 % are one person. Every pair is counted instead: pairs agreeing on the postcode are Σ n_s·n_t over the postcode
/// groups, and so on for the other keys (<see cref="AgreeingPairs"/>).
/// </para>
/// <para>
/// Counted over all pairs, the count holds the matches too, and at a postcode they are most of it (113,073 of 162,988
/// justice pairs). So only the pairs whose surnames and dates of birth both differ are counted, u is
/// #(postcode =, surname ≠, date of birth ≠) / #(surname ≠, date of birth ≠): matches seldom differ on both (at
/// 1M × 3M, 9 % of the count within justice, 1 % across sources, 0.1 % within welfare). That date of birth tells
/// nothing more about sharing a postcode is the model's own assumption of independence among non-matches. That the
/// surname does is what a household is: relatives share a surname and an address, so among non-matches postcode
/// agreement given different surnames is rarer than overall; the count is of that, and the tie applies it only where the
/// surnames differ. Where they agree, matches are nearly all the pairs sharing a postcode (81,081 of 81,188 within
/// justice) and no count tells the non-matches apart: the random pairs' u stands. On synth, which has no households,
/// the two are the same (1.19e-7 and 1.20e-7).
/// </para>
/// </summary>
internal sealed class PostcodeTie
{
    private readonly long[] _agreeing;
    private readonly long[] _pairs;
    private readonly int _sources;

    private PostcodeTie(int postcode, int surname, long[] agreeing, long[] pairs, int sources)
    {
        Postcode = postcode;
        Surname = surname;
        _agreeing = agreeing;
        _pairs = pairs;
        _sources = sources;
    }

    /// <summary>The postcode comparison.</summary>
    public int Postcode { get; }

    /// <summary>The surname comparison.</summary>
    public int Surname { get; }

    /// <summary>The postcode, surname and date of birth comparisons, the postcode's first level exact; null when the project lacks one.</summary>
    public static PostcodeTie? Find(PairComparer comparer, byte[]? source)
    {
        var comparisons = comparer.Comparisons;
        var postcode = comparisons.FirstOrDefault(c => c.Spec.Field == CanonicalField.Postcode && c.Spec.Levels[0].Method == ComparisonMethod.Exact && c.Column.Pool is not null);
        var surname = comparisons.FirstOrDefault(c => c.Spec.Field == CanonicalField.Surname && c.Column.Pool is not null);
        var born = comparisons.FirstOrDefault(c => c.Spec.Field == CanonicalField.DateOfBirth && c.Column.IsDate);
        if (postcode is null || surname is null || born is null)
        {
            return null;
        }

        var sources = source is null || source.Length == 0 ? 1 : source.Max() + 1;
        source ??= new byte[postcode.Column.Values.Length];
        var (agreeing, pairs) = Count(postcode.Column.Values, postcode.Column.Pool!.Count, surname.Column.Values, surname.Column.Pool!.Count, born.Column.Values, source, sources);
        return new PostcodeTie(postcode.Index, surname.Index, agreeing, pairs, sources);
    }

    /// <summary>
    /// Per pair of sources (<c>s * sources + t</c>, filled both ways; the last entry over every pair), what postcode
    /// agreement adds between records whose surnames differ: log2(m / u) with u the counted one, in place of the
    /// exact level's weight, and never under the next level's (a full postcode says no less than its sector).
    /// </summary>
    public double[] Bits(FellegiSunterModel model)
    {
        var bits = new double[(_sources * _sources) + 1];
        for (var s = 0; s < _sources; s++)
        {
            for (var t = s; t < _sources; t++)
            {
                var pair = SourcePairs.Of(s, t);
                var m = model.SourcePairM.GetValueOrDefault(pair, model.M);
                bits[(s * _sources) + t] = bits[(t * _sources) + s] = Bits(model.FactorsOf(pair)[Postcode], m[Postcode][0], U(_agreeing[(s * _sources) + t], _pairs[(s * _sources) + t]));
            }
        }

        bits[^1] = Bits(model.Log2Factors[Postcode], model.M[Postcode][0], U(_agreeing.Sum(), _pairs.Sum()));
        return bits;
    }

    /// <summary>Whether the tie applies: the postcodes agree exactly and both records hold a surname, different ones.</summary>
    public bool Holds(PairComparer comparer, int a, int b, ulong pattern)
    {
        if (ComparisonVector.Level(pattern, Postcode) != 0)
        {
            return false;
        }

        var surname = comparer.Value(a, Surname);
        var other = comparer.Value(b, Surname);
        return surname != 0 && other != 0 && surname != other;
    }

    /// <summary>The counted u: half a pseudo-pair, as the random pairs' u has, so a count of none is not a certainty.</summary>
    internal static double U(long agreeing, long pairs) => (agreeing + 0.5) / (pairs + 1.0);

    private static double Bits(double[] factors, double m, double u) => Math.Max(Math.Log2(m / u), factors[1]) - factors[0];

    /// <returns>
    /// Per ordered pair of sources (s ≤ t), over the records holding all three fields: the pairs sharing a postcode whose
    /// surnames and dates of birth both differ, and all pairs whose surnames and dates of birth both differ.
    /// </returns>
    internal static (long[] Agreeing, long[] Pairs) Count(int[] postcode, int postcodes, int[] surname, int surnames, int[] born, byte[] source, int sources)
    {
        var held = new bool[postcode.Length];
        var perSource = new long[sources];
        var days = new int[postcode.Length];
        var (firstDay, lastDay) = (int.MaxValue, int.MinValue);
        for (var r = 0; r < held.Length; r++)
        {
            held[r] = postcode[r] != 0 && surname[r] != 0 && born[r] != 0;
            if (held[r])
            {
                perSource[source[r]]++;
                days[r] = DayIndex(born[r]);
                (firstDay, lastDay) = (Math.Min(firstDay, days[r]), Math.Max(lastDay, days[r]));
            }
        }

        // Dates as dense ids from the earliest held (records not held are left out whatever their id).
        for (var r = 0; r < days.Length; r++)
        {
            days[r] = held[r] ? days[r] - firstDay : 0;
        }

        var dayCount = lastDay < firstDay ? 1 : lastDay - firstDay + 1;
        long[][] byPostcode = [], bySurname = [], byBirth = [];
        Parallel.Invoke(
            () => byPostcode = AgreeingPairs.Count(postcode, postcodes, [r => surname[r], r => born[r], r => ((long)surname[r] << 32) | (uint)born[r]], held, source, sources),
            () => bySurname = AgreeingPairs.Count(surname, surnames, [r => born[r]], held, source, sources),
            () => byBirth = AgreeingPairs.Count(days, dayCount, [], held, source, sources));
        var all = new long[sources * sources];
        AgreeingPairs.AddPairs(perSource, all, sources);

        // Inclusion and exclusion: postcode agreeing, less those agreeing also on surname or date of birth.
        var agreeing = new long[sources * sources];
        var pairs = new long[sources * sources];
        for (var i = 0; i < agreeing.Length; i++)
        {
            agreeing[i] = byPostcode[0][i] - byPostcode[1][i] - byPostcode[2][i] + byPostcode[3][i];
            pairs[i] = all[i] - bySurname[0][i] - byBirth[0][i] + bySurname[1][i];
        }

        return (agreeing, pairs);
    }

    /// <summary>A date held as yyyyMMdd as an index (32 ids a month), so that equal dates and only they share one.</summary>
    private static int DayIndex(int date) => ((((date / 10000) * 12) + ((date / 100) % 100)) * 32) + (date % 100);
}
