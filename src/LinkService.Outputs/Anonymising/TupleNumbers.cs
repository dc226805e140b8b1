namespace LinkService.Outputs.Anonymising;

/// <summary>
/// Numbers tuples of value ids, equal tuples alike, with no string or array per tuple: a tuple's number is that of
/// (its prefix's number, its last id), given out from 1 as pairs are first seen; the empty tuple is 0.
/// </summary>
internal sealed class TupleNumbers
{
    private readonly Dictionary<long, int> _numbers = [];

    /// <summary>The largest number given so far.</summary>
    public int Count => _numbers.Count;

    public int Of(ReadOnlySpan<int> ids)
    {
        var number = 0;
        foreach (var id in ids)
        {
            var pair = ((long)number << 32) | (uint)id;
            if (!_numbers.TryGetValue(pair, out number))
            {
                _numbers[pair] = number = _numbers.Count + 1;
            }
        }

        return number;
    }
}
