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
        if (compact.IsEmpty)
        {
            return null;
        }

        return IsUk(compact) ? string.Concat(compact[..^3], " ", compact[^3..]) : compact.ToString();
    }

    public static string Area(string postcode)
    {
        var space = postcode.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return postcode[..1];
        }

        var letters = 0;
        while (letters < space && char.IsAsciiLetter(postcode[letters]))
        {
            letters++;
        }

        return postcode[..Math.Max(1, letters)];
    }

    public static string District(string postcode)
    {
        var space = postcode.IndexOf(' ', StringComparison.Ordinal);
        return space >= 0 ? postcode[..space] : postcode[..Math.Min(2, postcode.Length)];
    }

    public static string Sector(string postcode)
    {
        var space = postcode.IndexOf(' ', StringComparison.Ordinal);
        return space >= 0 ? postcode[..(space + 2)] : postcode[..Math.Max(1, postcode.Length - 1)];
    }

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
