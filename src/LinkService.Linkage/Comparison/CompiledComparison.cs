using System.Runtime.CompilerServices;
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
    // The derived keys of all levels (postcode sector, district, area) side by side per value, _derivedSlots[l] apart:
    // a pair that fails one level fetches the next level's key from the same cache line.
    private readonly int[] _derivedKeys = [];
    private readonly int[] _derivedSlots;
    private readonly int _derivedWidth;

    // Where the comparer's rows hold this comparison's derived keys beside its value (-1: read them by value).
    private int _rowKeys = -1;

    // Where the comparer's rows hold each value's text, packed (-1: read it from the pool), and whether they do: an
    // edit distance between two reference numbers then reads no memory but the pair's two rows.
    private int _rowText = -1;
    private readonly bool _packsText;
    private readonly int[]?[] _otherValues;
    private readonly ValuePool?[] _otherPools;
    private readonly WordIds?[] _otherWords;
    private readonly int[] _otherSlot;
    private readonly int[][]? _nicknames;
    private readonly (int Primary, int Alternate)[]? _metaphones;
    private readonly int[]? _soundex;
    private readonly bool _exactFirst;

    // The levels that read other fields of the records (swapped, in another field), in order; the others' first level to
    // hold is remembered per pair of values where they compare text (null: none do, or the comparer keeps no cache).
    private readonly int[] _recordLevels;
    private readonly ValueLevelCache? _cache;

    /// <summary>
    /// How many pairs of values a comparison's cache holds (2^bits, 32 KiB): the pairs met again and again (common names)
    /// stay in the processor's cache with it. At 1M × 3M comparing took 10 % less CPU with it; with 8 MiB, where each
    /// look-up is a fetch from memory, no less than without.
    /// </summary>
    public const int CacheBits = 12;

    /// <param name="cacheBits">The size of the cache of levels per pair of values (2^bits pairs); 0: none.</param>
    public CompiledComparison(int index, ComparisonSpec spec, RecordTable table, int cacheBits = CacheBits)
    {
        Index = index;
        Spec = spec;
        Column = table.ColumnOrThrow(spec.Field);
        _values = Column.Values;
        _pool = Column.Pool;
        _levels = [.. spec.Levels];
        _exactFirst = _levels[0].Method == ComparisonMethod.Exact;
        var derived = new int[]?[_levels.Length];
        _otherValues = new int[]?[_levels.Length];
        _otherPools = new ValuePool?[_levels.Length];
        _otherWords = new WordIds?[_levels.Length];
        _otherSlot = new int[_levels.Length];
        Array.Fill(_otherSlot, -1);
        for (var l = 0; l < _levels.Length; l++)
        {
            var method = _levels[l].Method;
            if (_pool is not null && method is ComparisonMethod.PostcodeArea or ComparisonMethod.PostcodeDistrict or ComparisonMethod.PostcodeSector)
            {
                derived[l] = _pool.Derived(method switch
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

        _derivedSlots = new int[_levels.Length];
        var derivedLevels = Enumerable.Range(0, _levels.Length).Where(l => derived[l] is not null).ToArray();
        _derivedWidth = derivedLevels.Length;
        if (_derivedWidth > 0)
        {
            var count = derivedLevels.Min(l => derived[l]!.Length);
            _derivedKeys = new int[count * _derivedWidth];
            for (var k = 0; k < derivedLevels.Length; k++)
            {
                var map = derived[derivedLevels[k]]!;
                _derivedSlots[derivedLevels[k]] = k;
                for (var v = 0; v < count; v++)
                {
                    _derivedKeys[(v * _derivedWidth) + k] = map[v];
                }
            }
        }

        _packsText = _pool is not null && _levels.Any(l => l.Method is ComparisonMethod.Levenshtein or ComparisonMethod.DamerauLevenshtein);
        _recordLevels = [.. Enumerable.Range(0, _levels.Length).Where(l => _levels[l].Method is ComparisonMethod.Swapped or ComparisonMethod.InOtherField)];
        _cache = cacheBits > 0 && _pool is not null && ValueLevelCache.Fits(_pool.Count) && _levels.Any(l => ComparesText(l.Method))

            // No larger than every pair of the pool's values would need (a small table in tests).
            ? new ValueLevelCache(Math.Min(cacheBits, Math.Max(10, 2 * (32 - System.Numerics.BitOperations.LeadingZeroCount((uint)_pool.Count)))))
            : null;
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
    public byte Evaluate(int va, int vb, int a, int b) => Evaluate(new PairCache(va, vb, a, b));

    /// <summary>
    /// The level of records <paramref name="a"/> and <paramref name="b"/> from their rows of the comparer's record-major
    /// values (<paramref name="rows"/> from <paramref name="rowA"/> and <paramref name="rowB"/>): the other fields a
    /// level looks at are read there, beside this one's, not from their columns (a memory fetch each, every pair).
    /// </summary>
    public byte Evaluate(int[] rows, long rowA, long rowB, int a, int b) =>
        Evaluate(new PairCache(rows[rowA + Index], rows[rowB + Index], a, b) { Rows = rows, RowA = rowA, RowB = rowB });

    /// <summary>How many derived keys (postcode sector, district, area) and packed text a record's row may hold beside its value.</summary>
    public int RowKeyCount => _derivedWidth + (_packsText ? PackedText.Ints : 0);

    /// <summary>
    /// Writes record <paramref name="record"/>'s derived keys (and packed text) into <paramref name="slots"/>, its row's
    /// <see cref="RowKeyCount"/> slots: a pair that fails exact agreement finds them in the line its rows were read from,
    /// not in another array at a place its value gives (a cache miss a pair).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteRowKeys(int record, Span<int> slots)
    {
        var value = _values[record];
        for (var k = 0; k < _derivedWidth; k++)
        {
            slots[k] = _derivedKeys[(value * _derivedWidth) + k];
        }

        if (_packsText)
        {
            PackedText.Write(_pool![value], slots.Slice(_derivedWidth, PackedText.Ints));
        }
    }

    /// <summary>Reads the derived keys (and packed text) from the rows, from slot <paramref name="first"/> on, once <see cref="WriteRowKeys"/> has put them there.</summary>
    public void ReadRowKeysAt(int first)
    {
        _rowKeys = first;
        _rowText = _packsText ? first + _derivedWidth : -1;
    }

    /// <summary>Reads the other fields of this comparison's levels from rows of the comparisons in <paramref name="all"/>, where one compares that field.</summary>
    public void ReadOthersBeside(IReadOnlyList<CompiledComparison> all)
    {
        for (var l = 0; l < _levels.Length; l++)
        {
            var other = _otherValues[l];
            _otherSlot[l] = other is null ? -1 : all.FirstOrDefault(c => ReferenceEquals(c.Column.Values, other))?.Index ?? -1;
        }
    }

    private byte Evaluate(PairCache cache)
    {
        var (va, vb) = (cache.A, cache.B);
        if (va == 0 || vb == 0)
        {
            return ComparisonVector.Missing;
        }

        if (va == vb && _exactFirst)
        {
            return 0;
        }

        if (_cache is null)
        {
            for (var l = 0; l < _levels.Length; l++)
            {
                if (Holds(l, ref cache))
                {
                    return (byte)l;
                }
            }

            return (byte)_levels.Length;
        }

        // The first level to hold is the first of the values' own levels to hold, unless a level that reads the records
        // holds before it.
        if (!_cache.TryGet(va, vb, out var level))
        {
            level = ValueLevel(ref cache);
            _cache.Set(va, vb, level);
        }

        foreach (var l in _recordLevels)
        {
            if (l >= level)
            {
                break;
            }

            if (Holds(l, ref cache))
            {
                return (byte)l;
            }
        }

        return level;
    }

    /// <summary>The first level that holds of those that read the two values alone (the "else" level when none does).</summary>
    private byte ValueLevel(ref PairCache cache)
    {
        for (var l = 0; l < _levels.Length; l++)
        {
            if (_levels[l].Method is not (ComparisonMethod.Swapped or ComparisonMethod.InOtherField) && Holds(l, ref cache))
            {
                return (byte)l;
            }
        }

        return (byte)_levels.Length;
    }

    /// <summary>Levels that read the values' text (or codes derived from it, a lookup each) and are worth remembering.</summary>
    private static bool ComparesText(ComparisonMethod method) => method is ComparisonMethod.JaroWinkler or ComparisonMethod.Jaro
        or ComparisonMethod.Nickname or ComparisonMethod.Prefix or ComparisonMethod.Initial or ComparisonMethod.DoubleMetaphone or ComparisonMethod.Soundex;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Holds(int l, ref PairCache c)
    {
        var level = _levels[l];
        return level.Method switch
        {
            ComparisonMethod.Exact => c.A == c.B,
            ComparisonMethod.JaroWinkler => JaroWinklerOf(ref c) >= level.Threshold,
            ComparisonMethod.Jaro => JaroWinkler.Jaro(Text(c.A), Text(c.B)) >= level.Threshold,
            ComparisonMethod.Levenshtein or ComparisonMethod.DamerauLevenshtein => EditsWithin(level, ref c),
            ComparisonMethod.Soundex => _soundex![c.A] != 0 && _soundex[c.A] == _soundex[c.B],
            ComparisonMethod.DoubleMetaphone => MetaphonesMeet(c.A, c.B),
            ComparisonMethod.Nickname => NicknamesMeet(c.A, c.B),
            ComparisonMethod.Initial => InitialOnly(c.A, c.B),
            ComparisonMethod.Prefix => NameForms.ShortForm(_pool![c.A], _pool[c.B]),
            ComparisonMethod.Swapped => Swapped(l, ref c),
            ComparisonMethod.InOtherField => InOtherField(l, ref c),
            ComparisonMethod.DateTransposed => DateRules.Transposed(c.A, c.B),
            ComparisonMethod.DateOneDigit => DateRules.OneDigitOff(c.A, c.B),
            ComparisonMethod.YearOffByOne => DateRules.YearOffByOne(c.A, c.B),
            ComparisonMethod.SameYearMonth => c.A / 100 == c.B / 100,
            ComparisonMethod.SameYear => c.A / 10000 == c.B / 10000,
            ComparisonMethod.YearsApart => Math.Abs((c.A / 10000) - (c.B / 10000)) <= level.Distance,
            ComparisonMethod.PostcodeArea or ComparisonMethod.PostcodeDistrict or ComparisonMethod.PostcodeSector => DerivedKeysMeet(l, ref c),
            _ => false,
        };
    }

    private bool EditsWithin(ComparisonLevelSpec level, ref PairCache c)
    {
        if (_rowText < 0 || c.Rows is null)
        {
            return EditsWithin(level, Text(c.A), Text(c.B));
        }

        var (wordA, wordB) = (PackedText.Word(c.Rows.AsSpan((int)(c.RowA + _rowText), PackedText.Ints)), PackedText.Word(c.Rows.AsSpan((int)(c.RowB + _rowText), PackedText.Ints)));
        if (wordA == 0 || wordB == 0)
        {
            // A value too long to pack (the pair holds both values: a missing one compares as missing, not here).
            return EditsWithin(level, Text(c.A), Text(c.B));
        }

        if (level.Distance == 1)
        {
            return PackedText.WithinOneEdit(wordA, wordB, transpositions: level.Method == ComparisonMethod.DamerauLevenshtein);
        }

        Span<char> a = stackalloc char[PackedText.MaxChars];
        Span<char> b = stackalloc char[PackedText.MaxChars];
        var lengthA = PackedText.Read(c.Rows.AsSpan((int)(c.RowA + _rowText), PackedText.Ints), a);
        var lengthB = PackedText.Read(c.Rows.AsSpan((int)(c.RowB + _rowText), PackedText.Ints), b);
        return EditsWithin(level, a[..lengthA], b[..lengthB]);
    }

    private static bool EditsWithin(ComparisonLevelSpec level, ReadOnlySpan<char> a, ReadOnlySpan<char> b) =>
        level.Method == ComparisonMethod.Levenshtein ? EditDistance.LevenshteinWithin(a, b, level.Distance) : EditDistance.DamerauLevenshteinWithin(a, b, level.Distance);

    private bool DerivedKeysMeet(int l, ref PairCache c)
    {
        var slot = _derivedSlots[l];
        var (keyA, keyB) = _rowKeys >= 0 && c.Rows is not null
            ? (c.Rows[c.RowA + _rowKeys + slot], c.Rows[c.RowB + _rowKeys + slot])
            : (_derivedKeys[(c.A * _derivedWidth) + slot], _derivedKeys[(c.B * _derivedWidth) + slot]);
        return keyA != 0 && keyA == keyB;
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
    private bool Swapped(int l, ref PairCache c)
    {
        var (oa, ob) = Others(l, ref c);
        var otherPool = _otherPools[l];
        if (oa == 0 || ob == 0 || otherPool is null || _pool is null)
        {
            return false;
        }

        var first = _pool[c.A];
        var second = _pool[c.B];

        // Names share one pool, where equal ids are equal text: the common case compares ints, not characters.
        var samePool = ReferenceEquals(otherPool, _pool);
        var crossA = samePool ? c.A == ob : first.SequenceEqual(otherPool[ob]);
        var crossB = samePool ? oa == c.B : otherPool[oa].SequenceEqual(second);
        var threshold = _levels[l].Threshold;
        return (crossA && crossB)
            || (crossA && threshold < 1 && JaroWinkler.Similarity(otherPool[oa], second) >= threshold)
            || (crossB && threshold < 1 && JaroWinkler.Similarity(first, otherPool[ob]) >= threshold);
    }

    /// <summary>Either record's value is a word of the other record's other field (a forename given as a middle name).</summary>
    private bool InOtherField(int l, ref PairCache c)
    {
        if (_otherPools[l] is null || _pool is null)
        {
            return false;
        }

        var (oa, ob) = Others(l, ref c);
        var words = _otherWords[l]!;
        return (ob != 0 && words.Contains(ob, c.A))
            || (oa != 0 && words.Contains(oa, c.B));
    }

    /// <summary>The other field's values of the pair's two records, from their rows where given.</summary>
    private (int A, int B) Others(int l, ref PairCache c)
    {
        var slot = _otherSlot[l];
        if (slot >= 0 && c.Rows is not null)
        {
            return (c.Rows[c.RowA + slot], c.Rows[c.RowB + slot]);
        }

        var other = _otherValues[l]!;
        return (other[c.RecordA], other[c.RecordB]);
    }

    private struct PairCache(int a, int b, int recordA, int recordB)
    {
        public readonly int A = a;
        public readonly int B = b;
        public readonly int RecordA = recordA;
        public readonly int RecordB = recordB;
        public int[]? Rows;
        public long RowA;
        public long RowB;
        public double JaroWinkler = -1;
    }
}
