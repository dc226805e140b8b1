namespace LinkService.Outputs.Persons;

/// <summary>
/// Record keys in one character array, read back by index: copied once, in the order they are held, from wherever
/// they are (<see cref="Of"/>), then into another order (<see cref="InOrder"/>) straight from array to array.
/// </summary>
internal sealed class KeyColumn
{
    private const int KeysPerPart = 1 << 16;

    private readonly char[] _chars;
    private readonly int[] _starts;

    private KeyColumn(char[] chars, int[] starts) => (_chars, _starts) = (chars, starts);

    public int Count => _starts.Length - 1;

    public ReadOnlySpan<char> this[int index] => _chars.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);

    /// <summary>Key <c>i</c> is <paramref name="key"/>(i), read in that order: in sequence wherever they are held.</summary>
    public static KeyColumn Of(int count, Func<int, ReadOnlySpan<char>> key)
    {
        var starts = new int[count + 1];
        for (var i = 0; i < count; i++)
        {
            starts[i + 1] = checked(starts[i] + key(i).Length);
        }

        var chars = new char[starts[^1]];
        for (var i = 0; i < count; i++)
        {
            key(i).CopyTo(chars.AsSpan(starts[i]));
        }

        return new KeyColumn(chars, starts);
    }

    /// <summary>Keys all <paramref name="length"/> characters long, one after another in <paramref name="chars"/>.</summary>
    public static KeyColumn OfLength(char[] chars, int length, int count)
    {
        var starts = new int[count + 1];
        for (var i = 1; i <= count; i++)
        {
            starts[i] = checked(starts[i - 1] + length);
        }

        return new KeyColumn(chars, starts);
    }

    /// <summary>
    /// Key <c>i</c> is this column's <paramref name="order"/>[i], copied on every core: the reads go all over memory, so
    /// each costs a cache miss or two (its place and its characters), not the several a key read through delegates costs.
    /// </summary>
    public KeyColumn InOrder(int[] order, CancellationToken cancellationToken)
    {
        var starts = new int[order.Length + 1];
        EachKey(order.Length, i => starts[i + 1] = _starts[order[i] + 1] - _starts[order[i]], cancellationToken);
        for (var i = 0; i < order.Length; i++)
        {
            starts[i + 1] = checked(starts[i] + starts[i + 1]);
        }

        var chars = new char[starts[^1]];
        EachKey(order.Length, i => _chars.AsSpan(_starts[order[i]], starts[i + 1] - starts[i]).CopyTo(chars.AsSpan(starts[i])), cancellationToken);
        return new KeyColumn(chars, starts);
    }

    private static void EachKey(int count, Action<int> action, CancellationToken cancellationToken) =>
        Parallel.For(0, (count + KeysPerPart - 1) / KeysPerPart, Linkage.Data.Workers.Options(cancellationToken), part =>
        {
            var end = Math.Min(count, (part + 1) * KeysPerPart);
            for (var i = part * KeysPerPart; i < end; i++)
            {
                action(i);
            }
        });
}
