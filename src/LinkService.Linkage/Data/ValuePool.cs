using LinkService.Configuration.Projects.Linkage;
using LinkService.Linkage.Phonetics;
using LinkService.Linkage.Standardisation;

namespace LinkService.Linkage.Data;

/// <summary>
/// Interned standardised strings: id 0 is "missing", ids count up from 1 in first-seen order.
/// Derived keys (phonetic codes, postcode parts, prefixes) are computed once per distinct value.
/// </summary>
internal sealed class ValuePool
{
    private readonly SpanInterner _values = new();
    private readonly Dictionary<(KeyTransform, int), int[]> _derived = [];
    private readonly Lock _derivedLock = new();
    private int[][]? _nicknames;
    private (int Primary, int Alternate)[]? _metaphone;

    public int Count => _values.Count;

    public ReadOnlySpan<char> this[int id] => _values[id];

    public int Intern(string value) => _values.Intern(value);

    /// <summary>The interner itself, for a caller interning millions of values a run at a time (<see cref="SpanInterner.Prefetch"/>).</summary>
    internal SpanInterner Values => _values;

    /// <summary>The id of a value already in the pool, or 0.</summary>
    public int Lookup(ReadOnlySpan<char> value) => _values.Lookup(value);

    /// <summary>Per value id, the id of its derived key (0 when the value is missing or yields no key).</summary>
    public int[] Derived(KeyTransform transform, int length = 0)
    {
        lock (_derivedLock)
        {
            if (!_derived.TryGetValue((transform, length), out var map))
            {
                map = KeptStart(transform, length) is { } kept ? Starts(kept) : Coded(transform);
                _derived[(transform, length)] = map;
            }

            return map;
        }
    }

    /// <summary>Per value id, its nickname groups (empty for none).</summary>
    public int[][] NicknameGroups()
    {
        lock (_derivedLock)
        {
            if (_nicknames is null)
            {
                _nicknames = new int[_values.Count][];
                _nicknames[0] = [];
                var groups = _nicknames;
                Parallel.For(1, _values.Count, Workers.Options(), id => groups[id] = Nicknames.GroupsOf(new string(_values[id])));
            }

            return _nicknames;
        }
    }

    /// <summary>Per value id, the ids of its primary and alternate Double Metaphone codes.</summary>
    public (int Primary, int Alternate)[] Metaphones()
    {
        lock (_derivedLock)
        {
            if (_metaphone is null)
            {
                var codes = new Dictionary<string, int>(StringComparer.Ordinal) { [""] = 0 };
                int Id(string code) => codes.TryGetValue(code, out var id) ? id : codes[code] = codes.Count;
                _metaphone = new (int, int)[_values.Count];
                var metaphone = _metaphone;
                ForEachChunk(id => DoubleMetaphone.Encode(new string(_values[id])), (id, codes) => metaphone[id] = (Id(codes.Primary), Id(codes.Alternate)));
            }

            return _metaphone;
        }
    }

    /// <summary>
    /// For a transform whose key is the start of the value (an initial, a prefix, a postcode's area, district or
    /// sector), how many characters of it; null for the others.
    /// </summary>
    private static Func<ReadOnlySpan<char>, int>? KeptStart(KeyTransform transform, int length) => transform switch
    {
        KeyTransform.Initial => value => Math.Min(1, value.Length),
        KeyTransform.Prefix => value => Math.Min(length, value.Length),
        KeyTransform.PostcodeArea => PostcodeParts.AreaLength,
        KeyTransform.PostcodeDistrict => PostcodeParts.DistrictLength,
        KeyTransform.PostcodeSector => PostcodeParts.SectorLength,
        _ => null,
    };

    /// <summary>
    /// Per value id, the id of its start as <paramref name="kept"/> measures it, numbered in value order as
    /// <see cref="Derived"/> numbers every key. Interned where they lie: millions of postcodes made a string and a
    /// dictionary entry each, twice a run (district and sector), on the blocking stage's longest path.
    /// </summary>
    private int[] Starts(Func<ReadOnlySpan<char>, int> kept)
    {
        var keys = new SpanInterner();
        var map = new int[_values.Count];
        for (var id = 1; id < map.Length; id++)
        {
            var value = _values[id];
            var start = kept(value);
            map[id] = start == 0 ? 0 : keys.Intern(value[..start]);
        }

        return map;
    }

    private void ForEachChunk<T>(Func<int, T> compute, Action<int, T> take) => InOrder.ForEachChunk(1, _values.Count, compute, take, CancellationToken.None);

    /// <summary>Per value id, the id of its phonetic code (numbered in value order, one thread: the same ids every run).</summary>
    private int[] Coded(KeyTransform transform)
    {
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var map = new int[_values.Count];
        ForEachChunk(id => Code(new string(_values[id]), transform), (id, key) =>
        {
            if (key.Length == 0)
            {
                return;
            }

            if (!keys.TryGetValue(key, out var keyId))
            {
                keys[key] = keyId = keys.Count + 1;
            }

            map[id] = keyId;
        });

        return map;
    }

    private static string Code(string value, KeyTransform transform) => transform switch
    {
        KeyTransform.Soundex => Soundex.Encode(value),
        KeyTransform.Nysiis => Nysiis.Encode(value),
        KeyTransform.DoubleMetaphone => DoubleMetaphone.Encode(value).Primary,
        _ => value,
    };
}
