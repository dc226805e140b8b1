namespace LinkService.Linkage.Comparison;

/// <summary>
/// A short value's text in two ints of a record's row: up to eight characters of one byte each (none of them NUL), the
/// first in the lowest byte. A national insurance number fits; comparing two by edit distance then reads the pair's
/// rows, not two scattered places each in a pool of millions of values.
/// </summary>
internal static class PackedText
{
    public const int Ints = 2;

    public const int MaxChars = 8;

    /// <summary>Whether every value of the pool (but the missing one) fits.</summary>
    public static bool AllFit(Data.ValuePool pool)
    {
        for (var id = 1; id < pool.Count; id++)
        {
            var text = pool[id];
            if (text.Length > MaxChars || text.ContainsAnyExceptInRange('\u0001', '\u00FF'))
            {
                return false;
            }
        }

        return true;
    }

    public static void Write(ReadOnlySpan<char> text, Span<int> ints)
    {
        ulong packed = 0;
        for (var i = 0; i < text.Length; i++)
        {
            packed |= (ulong)text[i] << (8 * i);
        }

        ints[0] = (int)packed;
        ints[1] = (int)(packed >> 32);
    }

    /// <summary>Unpacks into <paramref name="text"/> (at least <see cref="MaxChars"/> long); returns the length.</summary>
    public static int Read(ReadOnlySpan<int> ints, Span<char> text)
    {
        var packed = (uint)ints[0] | ((ulong)(uint)ints[1] << 32);
        var length = 0;
        while (packed != 0)
        {
            text[length++] = (char)(packed & 0xFF);
            packed >>= 8;
        }

        return length;
    }
}
