using System.Runtime.CompilerServices;

namespace LinkService.Outputs.Pseudonyms;

/// <summary>
/// Crockford's base 32: digits and upper-case letters without I, L, O and U, so a pseudonym read aloud or typed
/// from paper is not mistaken for another (no 0/O or 1/I/L confusion, no accidental words). The alphabet is in
/// ordinal order, so encoded values sort as the numbers do.
/// </summary>
internal static class Crockford
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>The first <paramref name="characters"/> × 5 bits of <paramref name="bytes"/>, most significant first.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes, int characters)
    {
        if (characters * 5 > bytes.Length * 8)
        {
            throw new ArgumentOutOfRangeException(nameof(characters), "more characters than the bytes hold");
        }

        return string.Create(characters, bytes.ToArray(), static (chars, source) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                var bit = i * 5;
                var window = (source[bit / 8] << 8) | (bit / 8 + 1 < source.Length ? source[(bit / 8) + 1] : 0);
                chars[i] = Alphabet[(window >> (11 - (bit % 8))) & 31];
            }
        });
    }

    /// <summary>The low <c>destination.Length</c> × 5 bits of <paramref name="value"/>, most significant first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(UInt128 value, Span<char> destination)
    {
        // Two 64-bit halves shifted together: millions are written per output, and UInt128's own shift is slow.
        var (high, low) = ((ulong)(value >> 64), (ulong)value);
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = Alphabet[(int)(low & 31)];
            low = (low >> 5) | (high << 59);
            high >>= 5;
        }
    }

    /// <summary>The value <see cref="Write"/> spells as <paramref name="text"/>; false for a character outside the alphabet.</summary>
    /// <remarks>
    /// Each character's digit comes from a table, where a search of the alphabet took half a second of a run's CPU at
    /// 1M × 3M: a rerun reads every pseudonym of the previous run's person map, and every one of them again to keep the
    /// new ones apart from them. Built up in two 64-bit halves, as <see cref="Write"/> spells them.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryRead(ReadOnlySpan<char> text, out UInt128 value)
    {
        var (high, low) = (0UL, 0UL);
        foreach (var c in text)
        {
            if (c >= Digits.Length || Digits[c] < 0)
            {
                value = 0;
                return false;
            }

            high = (high << 5) | (low >> 59);
            low = (low << 5) | (byte)Digits[c];
        }

        value = new UInt128(high, low);
        return true;
    }

    /// <summary>Each ASCII character's digit, −1 for one outside the alphabet.</summary>
    private static readonly sbyte[] Digits = DigitsOf(Alphabet);

    private static sbyte[] DigitsOf(string alphabet)
    {
        var digits = new sbyte[128];
        Array.Fill(digits, (sbyte)-1);
        for (var i = 0; i < alphabet.Length; i++)
        {
            digits[alphabet[i]] = (sbyte)i;
        }

        return digits;
    }
}
