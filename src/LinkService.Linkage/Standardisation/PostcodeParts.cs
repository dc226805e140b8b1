using System.Runtime.CompilerServices;

namespace LinkService.Linkage.Standardisation;

/// <summary>
/// UK postcodes normalised to <c>OUTWARD INWARD</c> (SW1A 1AA) with their area (SW), district (SW1A) and
/// sector (SW1A 1). Other postcodes keep their compact form; their parts are successively shorter prefixes.
/// </summary>
public static class PostcodeParts
{
    private static readonly System.Buffers.SearchValues<char> DistrictTail = System.Buffers.SearchValues.Create("ABCDEFGHJKMNPRSTUVWXY0123456789");

    public static string? Normalise(string raw) => FromCompact(TextFolding.Compact(raw));

    /// <summary>The postcode whose <see cref="TextFolding.Compact(string)"/> form is <paramref name="compact"/>.</summary>
    public static string? FromCompact(ReadOnlySpan<char> compact)
    {
        Span<char> buffer = compact.Length < 64 ? stackalloc char[compact.Length + 1] : new char[compact.Length + 1];
        var length = FromCompact(compact, buffer);
        return length == 0 ? null : new string(buffer[..length]);
    }

    /// <summary>
    /// The postcode whose compact form is <paramref name="compact"/>, written into <paramref name="destination"/> (one longer,
    /// and may be where <paramref name="compact"/> starts one place further on): its length, 0 when empty.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int FromCompact(ReadOnlySpan<char> compact, Span<char> destination)
    {
        if (!IsUk(compact))
        {
            compact.CopyTo(destination);
            return compact.Length;
        }

        // Outward part first, moving left (overlapping copies are safe), then the space, then the inward part as it stands.
        var outward = compact.Length - 3;
        compact[..outward].CopyTo(destination);
        compact[outward..].CopyTo(destination[(outward + 1)..]);
        destination[outward] = ' ';
        return compact.Length + 1;
    }

    public static string Area(string postcode) => postcode[..AreaLength(postcode)];

    public static string District(string postcode) => postcode[..DistrictLength(postcode)];

    public static string Sector(string postcode) => postcode[..SectorLength(postcode)];

    /// <summary>How many characters of the postcode its area is: the outward code's letters (at least one character).</summary>
    public static int AreaLength(ReadOnlySpan<char> postcode)
    {
        var space = postcode.IndexOf(' ');
        if (space < 0)
        {
            return Math.Min(1, postcode.Length);
        }

        var letters = 0;
        while (letters < space && char.IsAsciiLetter(postcode[letters]))
        {
            letters++;
        }

        return Math.Max(1, letters);
    }

    /// <summary>How many characters of the postcode its district is: the outward code (two characters of another).</summary>
    public static int DistrictLength(ReadOnlySpan<char> postcode)
    {
        var space = postcode.IndexOf(' ');
        return space >= 0 ? space : Math.Min(2, postcode.Length);
    }

    /// <summary>How many characters of the postcode its sector is: the outward code and the inward code's digit (all but the last character of another).</summary>
    public static int SectorLength(ReadOnlySpan<char> postcode)
    {
        var space = postcode.IndexOf(' ');
        return space >= 0 ? Math.Min(space + 2, postcode.Length) : Math.Min(postcode.Length, Math.Max(1, postcode.Length - 1));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsUk(ReadOnlySpan<char> c)
    {
        // A9 9AA, A99 9AA, A9A 9AA, AA9 9AA, AA99 9AA, AA9A 9AA.
        if (c.Length is < 5 or > 7 || !char.IsAsciiLetter(c[0]))
        {
            return false;
        }

        var inward = c[^3..];
        if (!char.IsAsciiDigit(inward[0]) || !char.IsAsciiLetter(inward[1]) || !char.IsAsciiLetter(inward[2]))
        {
            return false;
        }

        var outward = c[..^3];
        var digitAt = char.IsAsciiLetter(outward[1]) ? 2 : 1;
        return digitAt < outward.Length && char.IsAsciiDigit(outward[digitAt]) && outward[(digitAt + 1)..].IndexOfAnyExcept(DistrictTail) < 0;
    }
}
