namespace LinkService.Outputs.Persons;

/// <summary>
/// Record keys in one character array, read back by index: copied in a given order from wherever they are held, on
/// every core once each key's place is known (a copy in sorted order reads its sources all over memory).
/// </summary>
internal sealed class KeyColumn
{
    private const int KeysPerPart = 1 << 16;

    private readonly char[] _chars;
    private readonly int[] _starts;

    private KeyColumn(char[] chars, int[] starts) => (_chars, _starts) = (chars, starts);

    public int Count => _starts.Length - 1;

    public ReadOnlySpan<char> this[int index] => _chars.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);

    /// <summary>Key <c>i</c> is <paramref name="key"/>(<paramref name="order"/>[i]).</summary>
    public static KeyColumn Of(int[] order, Func<int, ReadOnlySpan<char>> key, CancellationToken cancellationToken)
    {
        // Each key's length, then where it starts (a running sum), then its characters: the first and last read the keys
        // in the given order, all over memory, so they go on every core.
        var starts = new int[order.Length + 1];
        EachKey(order.Length, i => starts[i + 1] = key(order[i]).Length, cancellationToken);
        for (var i = 0; i < order.Length; i++)
        {
            starts[i + 1] = checked(starts[i] + starts[i + 1]);
        }

        var chars = new char[starts[^1]];
        EachKey(order.Length, i => key(order[i]).CopyTo(chars.AsSpan(starts[i])), cancellationToken);
        return new KeyColumn(chars, starts);
    }

    private static void EachKey(int count, Action<int> action, CancellationToken cancellationToken) =>
        Parallel.For(0, (count + KeysPerPart - 1) / KeysPerPart, new ParallelOptions { CancellationToken = cancellationToken }, part =>
        {
            var end = Math.Min(count, (part + 1) * KeysPerPart);
            for (var i = part * KeysPerPart; i < end; i++)
            {
                action(i);
            }
        });
}
