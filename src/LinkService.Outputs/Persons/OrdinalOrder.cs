namespace LinkService.Outputs.Persons;

/// <summary>
/// Indices of values in ordinal order (<see cref="string.CompareOrdinal(string, string)"/>'s). Sorted by number
/// first: the characters after the prefix all values share, eight to a number where every character fits in a byte
/// (four otherwise), so record keys such as OFF00012345 sort as integers; only values whose numbers tie are then
/// compared character by character.
/// </summary>
internal static class OrdinalOrder
{
    /// <summary>0 to <paramref name="count"/> − 1, ordered by <paramref name="value"/>.</summary>
    public static int[] Of(int count, Func<int, ReadOnlySpan<char>> value)
    {
        var order = new int[count];
        if (count == 0)
        {
            return order;
        }

        var first = value(0);
        var shared = first.Length;
        var narrow = true;
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
            var text = value(i);
            shared = Math.Min(shared, text.CommonPrefixLength(first));
            narrow &= !text.ContainsAnyExceptInRange('\0', '\u00ff');
        }

        var numbers = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            numbers[i] = Number(value(i), shared, narrow);
        }

        Array.Sort(numbers, order);
        SortTies(numbers, order, value);
        return order;
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

    private static void SortTies(ulong[] numbers, int[] order, Func<int, ReadOnlySpan<char>> value)
    {
        for (var start = 0; start < order.Length;)
        {
            var end = start + 1;
            while (end < order.Length && numbers[end] == numbers[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                order.AsSpan(start, end - start).Sort((a, b) => value(a).SequenceCompareTo(value(b)));
            }

            start = end;
        }
    }
}
