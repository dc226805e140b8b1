using System.Numerics;

namespace LinkService.Linkage.Comparison;

/// <summary>
/// A short value's text in two ints of a record's row: up to eight characters of one byte each (none of them NUL), the
/// first in the lowest byte; a value that does not fit is packed as nothing (0), and read from its pool. A national
/// insurance number fits; comparing two by edit distance then reads the pair's rows, not two scattered places each in
/// a pool of millions of values.
/// <para>
/// Values that do not fit are each their own: at 1M × 3M, 793 of 2.1 M reference numbers (a ninth character) once sent
/// every pair's comparison to the pool, a sixth of comparing and scoring a candidate pair.
/// </para>
/// </summary>
internal static class PackedText
{
    public const int Ints = 2;

    public const int MaxChars = 8;

    /// <summary>Whether the value packs: eight characters or fewer, each of one byte and none NUL.</summary>
    public static bool Fits(ReadOnlySpan<char> text) => text.Length <= MaxChars && !text.ContainsAnyExceptInRange('\u0001', '\u00FF');

    /// <summary>Packs <paramref name="text"/> into <paramref name="ints"/>; as nothing (0) when it does not fit.</summary>
    public static void Write(ReadOnlySpan<char> text, Span<int> ints)
    {
        ulong packed = 0;
        var length = Fits(text) ? text.Length : 0;
        for (var i = 0; i < length; i++)
        {
            packed |= (ulong)text[i] << (8 * i);
        }

        ints[0] = (int)packed;
        ints[1] = (int)(packed >> 32);
    }

    /// <summary>Unpacks into <paramref name="text"/> (at least <see cref="MaxChars"/> long); returns the length.</summary>
    public static int Read(ReadOnlySpan<int> ints, Span<char> text)
    {
        var packed = Word(ints);
        var length = 0;
        while (packed != 0)
        {
            text[length++] = (char)(packed & 0xFF);
            packed >>= 8;
        }

        return length;
    }

    /// <summary>The packed text in <paramref name="ints"/> as one word.</summary>
    public static ulong Word(ReadOnlySpan<int> ints) => (uint)ints[0] | ((ulong)(uint)ints[1] << 32);

    /// <summary>
    /// Whether two packed values are equal or one edit apart, as <see cref="Similarity.EditDistance"/> answers for a
    /// distance of one: a substitution, a character inserted or deleted, or (with <paramref name="transpositions"/>) two
    /// adjacent characters swapped. On the words themselves, without unpacking: asked of every candidate pair whose
    /// reference numbers differ, the unpacking and scan took a sixth of comparing at 1M × 3M.
    /// </summary>
    public static bool WithinOneEdit(ulong a, ulong b, bool transpositions)
    {
        var (lengthA, lengthB) = (Length(a), Length(b));
        if (lengthA < lengthB)
        {
            (a, b, lengthA, lengthB) = (b, a, lengthB, lengthA);
        }

        var differ = a ^ b;
        if (lengthA - lengthB > 1)
        {
            return false;
        }

        // The first character that differs; at or past the shorter's end, the longer has one more character at its end.
        var at = differ == 0 ? lengthA : BitOperations.TrailingZeroCount(differ) / 8;
        if (at >= lengthB)
        {
            return true;
        }

        if (lengthA != lengthB)
        {
            return From(a, at + 1) == From(b, at);
        }

        return From(a, at + 1) == From(b, at + 1)
            || (transpositions && at + 1 < lengthA && Char(a, at) == Char(b, at + 1) && Char(a, at + 1) == Char(b, at) && From(a, at + 2) == From(b, at + 2));
    }

    /// <summary>How many characters a packed value holds (none is NUL, so its highest non-zero byte is its last).</summary>
    private static int Length(ulong packed) => (71 - BitOperations.LeadingZeroCount(packed)) / 8;

    private static ulong Char(ulong packed, int at) => (packed >> (8 * at)) & 0xFF;

    /// <summary>The characters from <paramref name="at"/> on.</summary>
    private static ulong From(ulong packed, int at) => at >= MaxChars ? 0 : packed >> (8 * at);
}
