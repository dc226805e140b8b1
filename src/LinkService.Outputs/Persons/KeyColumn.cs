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
        var starts = new int[order.Length + 1];
        for (var i = 0; i < order.Length; i++)
        {
            starts[i + 1] = checked(starts[i] + key(order[i]).Length);
        }

        var chars = new char[starts[^1]];
        var parts = (order.Length + KeysPerPart - 1) / KeysPerPart;
        Parallel.For(0, parts, new ParallelOptions { CancellationToken = cancellationToken }, part =>
        {
            var end = Math.Min(order.Length, (part + 1) * KeysPerPart);
            for (var i = part * KeysPerPart; i < end; i++)
            {
                key(order[i]).CopyTo(chars.AsSpan(starts[i]));
            }
        });

        return new KeyColumn(chars, starts);
    }
}
