using LinkService.Configuration.Projects.Linkage;
using LinkService.Linkage.Data;
using LinkService.Linkage.Similarity;

namespace LinkService.Linkage.Comparison;

/// <summary>A comparison bound to its columns and precomputed derived keys, evaluating a pair to a level.</summary>
internal sealed class CompiledComparison
{
    private readonly int[] _values;
    private readonly ValuePool? _pool;
    private readonly ComparisonLevelSpec[] _levels;
    private readonly int[]?[] _derived;
    private readonly int[]?[] _otherValues;
    private readonly ValuePool?[] _otherPools;
    private readonly WordIds?[] _otherWords;
    private readonly int[][]? _nicknames;
    private readonly (int Primary, int Alternate)[]? _metaphones;
    private readonly int[]? _soundex;
    private readonly bool _exactFirst;

    public CompiledComparison(int index, ComparisonSpec spec, RecordTable table)
    {
        Index = index;
        Spec = spec;
        Column = table.ColumnOrThrow(spec.Field);
        _values = Column.Values;
        _pool = Column.Pool;
        _levels = [.. spec.Levels];
        _exactFirst = _levels[0].Method == ComparisonMethod.Exact;
        _derived = new int[]?[_levels.Length];
        _otherValues = new int[]?[_levels.Length];
        _otherPools = new ValuePool?[_levels.Length];
        _otherWords = new WordIds?[_levels.Length];
        for (var l = 0; l < _levels.Length; l++)
        {
            var method = _levels[l].Method;
            if (_pool is not null && method is ComparisonMethod.PostcodeArea or ComparisonMethod.PostcodeDistrict or ComparisonMethod.PostcodeSector)
            {
                _derived[l] = _pool.Derived(method switch
                {
                    ComparisonMethod.PostcodeArea => KeyTransform.PostcodeArea,
                    ComparisonMethod.PostcodeDistrict => KeyTransform.PostcodeDistrict,
                    _ => KeyTransform.PostcodeSector,
                });
            }
            else if (method is ComparisonMethod.Swapped or ComparisonMethod.InOtherField)
            {
                var other = table.ColumnOrThrow(_levels[l].OtherField!);
                _otherValues[l] = other.Values;
                _otherPools[l] = other.Pool;
                _otherWords[l] = method == ComparisonMethod.InOtherField && other.Pool is not null && _pool is not null ? new WordIds(other.Pool, _pool) : null;
            }
        }

        if (_pool is not null)
        {
            _nicknames = _levels.Any(l => l.Method == ComparisonMethod.Nickname) ? _pool.NicknameGroups() : null;
            _metaphones = _levels.Any(l => l.Method == ComparisonMethod.DoubleMetaphone) ? _pool.Metaphones() : null;
            _soundex = _levels.Any(l => l.Method == ComparisonMethod.Soundex) ? _pool.Derived(KeyTransform.Soundex) : null;
        }
    }

    public int Index { get; }

    public ComparisonSpec Spec { get; }

    public Column Column { get; }

    /// <summary>Levels including "else".</summary>
    public int LevelCount => _levels.Length + 1;

    /// <summary>The level of a pair whose values are <paramref name="va"/> and <paramref name="vb"/> (records <paramref name="a"/>, <paramref name="b"/>).</summary>
    public byte Evaluate(int va, int vb, int a, int b)
    {
        if (va == 0 || vb == 0)
        {
            return ComparisonVector.Missing;
        }

        if (va == vb && _exactFirst)
        {
            return 0;
        }

        var cache = new PairCache(va, vb);
        for (var l = 0; l < _levels.Length; l++)
        {
            if (Holds(l, a, b, ref cache))
            {
                return (byte)l;
            }
        }

        return (byte)_levels.Length;
    }

    private bool Holds(int l, int a, int b, ref PairCache c)
    {
        var level = _levels[l];
        return level.Method switch
        {
            ComparisonMethod.Exact => c.A == c.B,
            ComparisonMethod.JaroWinkler => JaroWinklerOf(ref c) >= level.Threshold,
            ComparisonMethod.Jaro => JaroWinkler.Jaro(Text(c.A), Text(c.B)) >= level.Threshold,
            ComparisonMethod.Levenshtein => EditDistance.LevenshteinWithin(Text(c.A), Text(c.B), level.Distance),
            ComparisonMethod.DamerauLevenshtein => EditDistance.DamerauLevenshteinWithin(Text(c.A), Text(c.B), level.Distance),
            ComparisonMethod.Soundex => _soundex![c.A] != 0 && _soundex[c.A] == _soundex[c.B],
            ComparisonMethod.DoubleMetaphone => MetaphonesMeet(c.A, c.B),
            ComparisonMethod.Nickname => NicknamesMeet(c.A, c.B),
            ComparisonMethod.Initial => InitialOnly(c.A, c.B),
            ComparisonMethod.Prefix => NameForms.ShortForm(_pool![c.A], _pool[c.B]),
            ComparisonMethod.Swapped => Swapped(l, a, b),
            ComparisonMethod.InOtherField => InOtherField(l, a, b),
            ComparisonMethod.DateTransposed => DateRules.Transposed(c.A, c.B),
            ComparisonMethod.DateOneDigit => DateRules.OneDigitOff(c.A, c.B),
            ComparisonMethod.YearOffByOne => DateRules.YearOffByOne(c.A, c.B),
            ComparisonMethod.SameYearMonth => c.A / 100 == c.B / 100,
            ComparisonMethod.SameYear => c.A / 10000 == c.B / 10000,
            ComparisonMethod.YearsApart => Math.Abs((c.A / 10000) - (c.B / 10000)) <= level.Distance,
            ComparisonMethod.PostcodeArea or ComparisonMethod.PostcodeDistrict or ComparisonMethod.PostcodeSector => _derived[l]![c.A] != 0 && _derived[l]![c.A] == _derived[l]![c.B],
            _ => false,
        };
    }

    private double JaroWinklerOf(ref PairCache c)
    {
        if (c.JaroWinkler < 0)
        {
            c.JaroWinkler = JaroWinkler.Similarity(Text(c.A), Text(c.B));
        }

        return c.JaroWinkler;
    }

    private ReadOnlySpan<char> Text(int value) => _pool is null ? DateRules.Digits(value) : _pool[value];

    private bool MetaphonesMeet(int a, int b)
    {
        var (pa, aa) = _metaphones![a];
        var (pb, ab) = _metaphones[b];
        return (pa != 0 && (pa == pb || pa == ab)) || (aa != 0 && (aa == pb || aa == ab));
    }

    private bool NicknamesMeet(int a, int b)
    {
        var ga = _nicknames![a];
        var gb = _nicknames[b];
        foreach (var g in ga)
        {
            if (Array.IndexOf(gb, g) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private bool InitialOnly(int a, int b)
    {
        var sa = _pool![a];
        var sb = _pool[b];
        return (sa.Length == 1 || sb.Length == 1) && sa[0] == sb[0];
    }

    /// <summary>
    /// This field of each record against the other field of the other record: both crossed pairs equal, or one equal
    /// and the other within the level's Jaro–Winkler threshold (a swap with a typo in one name).
    /// </summary>
    private bool Swapped(int l, int a, int b)
    {
        var other = _otherValues[l]!;
        var oa = other[a];
        var ob = other[b];
        var otherPool = _otherPools[l];
        if (oa == 0 || ob == 0 || otherPool is null || _pool is null)
        {
            return false;
        }

        var first = _pool[_values[a]];
        var second = _pool[_values[b]];

        // Names share one pool, where equal ids are equal text: the common case compares ints, not characters.
        var samePool = ReferenceEquals(otherPool, _pool);
        var crossA = samePool ? _values[a] == ob : first.SequenceEqual(otherPool[ob]);
        var crossB = samePool ? oa == _values[b] : otherPool[oa].SequenceEqual(second);
        var threshold = _levels[l].Threshold;
        return (crossA && crossB)
            || (crossA && threshold < 1 && JaroWinkler.Similarity(otherPool[oa], second) >= threshold)
            || (crossB && threshold < 1 && JaroWinkler.Similarity(first, otherPool[ob]) >= threshold);
    }

    /// <summary>Either record's value is a word of the other record's other field (a forename given as a middle name).</summary>
    private bool InOtherField(int l, int a, int b)
    {
        var other = _otherValues[l]!;
        var otherPool = _otherPools[l];
        if (otherPool is null || _pool is null)
        {
            return false;
        }

        var words = _otherWords[l]!;
        return (other[b] != 0 && words.Contains(other[b], _values[a]))
            || (other[a] != 0 && words.Contains(other[a], _values[b]));
    }

    private struct PairCache(int a, int b)
    {
        public readonly int A = a;
        public readonly int B = b;
        public double JaroWinkler = -1;
    }
}
