namespace LinkService.Outputs.Anonymising;

/// <summary>
/// Numbers tuples of value ids (each at least 0), equal tuples alike, with no string or array per tuple: a tuple of
/// one id is that id; a longer tuple's number is that of (its prefix's number, its last id), given out from 1 as pairs
/// are first seen; the empty tuple is 0. Tuples of one length never share a number.
/// </summary>
internal sealed class TupleNumbers
{
    private readonly Dictionary<long, int> _numbers = new(PairHash.Instance);

    /// <summary>The largest number given so far.</summary>
    public int Count { get; private set; }

    public int Of(ReadOnlySpan<int> ids)
    {
        if (ids.IsEmpty)
        {
            return 0;
        }

        var number = ids[0];
        foreach (var id in ids[1..])
        {
            var pair = ((long)number << 32) | (uint)id;
            if (!_numbers.TryGetValue(pair, out number))
            {
                _numbers[pair] = number = _numbers.Count + 1;
            }
        }

        Count = Math.Max(Count, number);
        return number;
    }
}
