using LinkService.Linkage.Data;

namespace LinkService.Outputs.Persons;

/// <summary>
/// The ids of an interner's values in ordinal order (<see cref="string.CompareOrdinal(string, string)"/>'s). Sorted by
/// number first: the characters after the prefix all values share, eight to a number where every character fits in a
/// byte (four otherwise), so record keys such as OFF00012345 sort as integers; only values whose numbers tie are then
/// compared character by character.
/// </summary>
internal static class OrdinalOrder
{
    public static int[] Of(SpanInterner values)
    {
        var ids = new int[values.Count - 1];
        if (ids.Length == 0)
        {
            return ids;
        }

        var shared = values[1].Length;
        var narrow = true;
        for (var id = 1; id < values.Count; id++)
        {
            ids[id - 1] = id;
            shared = Math.Min(shared, values[id].CommonPrefixLength(values[1]));
            narrow &= !values[id].ContainsAnyExceptInRange('\0', '\u00ff');
        }

        var numbers = new ulong[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            numbers[i] = Number(values[ids[i]], shared, narrow);
        }

        Array.Sort(numbers, ids);
        SortTies(values, numbers, ids);
        return ids;
    }

    /// <summary>The characters from <paramref name="from"/> on, packed most significant first; a value that ends packs zeros, so it sorts first.</summary>
    private static ulong Number(ReadOnlySpan<char> value, int from, bool narrow)
    {
        var (count, bits) = narrow ? (8, 8) : (4, 16);
        var number = 0UL;
        for (var i = from; i < from + count; i++)
        {
            number = (number << bits) | (i < value.Length ? value[i] : 0UL);
        }

        return number;
    }

    private static void SortTies(SpanInterner values, ulong[] numbers, int[] ids)
    {
        for (var start = 0; start < ids.Length;)
        {
            var end = start + 1;
            while (end < ids.Length && numbers[end] == numbers[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                ids.AsSpan(start, end - start).Sort((a, b) => values[a].SequenceCompareTo(values[b]));
            }

            start = end;
        }
    }
}
