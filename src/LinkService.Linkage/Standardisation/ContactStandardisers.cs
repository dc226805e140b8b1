using System.Text;

namespace LinkService.Linkage.Standardisation;

/// <summary>
/// Standardisers for the identifiers custodians add beyond names and dates: email addresses, phone numbers,
/// address lines and departments' references. Null means missing.
/// </summary>
internal static class ContactStandardisers
{
    // Royal Mail's and the usual clerks' abbreviations: "12 High Street" and "12 HIGH ST" are one address.
    private static readonly Dictionary<string, string> StreetWords = new(StringComparer.Ordinal)
    {
        ["ROAD"] = "RD", ["STREET"] = "ST", ["AVENUE"] = "AVE", ["AV"] = "AVE", ["LANE"] = "LN", ["DRIVE"] = "DR", ["CLOSE"] = "CL",
        ["COURT"] = "CT", ["CRESCENT"] = "CRES", ["PLACE"] = "PL", ["GARDENS"] = "GDNS", ["TERRACE"] = "TER", ["TCE"] = "TER",
        ["SQUARE"] = "SQ", ["GROVE"] = "GR", ["PARK"] = "PK", ["WAY"] = "WY", ["HOUSE"] = "HO", ["APARTMENT"] = "FLAT", ["APT"] = "FLAT",
        ["NORTH"] = "N", ["SOUTH"] = "S", ["EAST"] = "E", ["WEST"] = "W", ["SAINT"] = "ST", ["THE"] = "",
    };

    /// <summary>Letters and digits only, upper-cased; leading zeros kept (unlike a reference number's).</summary>
    public static string? UpperAlnum(string raw) => Empty(TextFolding.Compact(raw));

    /// <summary>Trimmed, spaces removed, upper-cased; one '@' with text either side, else missing.</summary>
    public static string? Email(string raw)
    {
        var value = string.Concat(raw.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (value.StartsWith("MAILTO:", StringComparison.Ordinal))
        {
            value = value[7..];
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1 && value.IndexOf('.', at) > at + 1 ? value : null;
    }

    /// <summary>Digits only; +44 or 0044 read as the leading 0 of a UK number; fewer than seven digits is missing.</summary>
    public static string? Phone(string raw)
    {
        var digits = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
        }

        var value = digits.ToString();
        if (value.StartsWith("00", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        if (value.StartsWith("44", StringComparison.Ordinal) && value.Length is 12 or 13)
        {
            // +44 (0)20 ... is written with and without the trunk zero.
            value = "0" + value[(value[2] == '0' ? 3 : 2)..];
        }

        return value.Length < 7 || value.AsSpan().IndexOfAnyExcept('0') < 0 ? null : value;
    }

    /// <summary>Folded words, street words abbreviated, "THE" dropped.</summary>
    public static string? Address(string raw)
    {
        var words = TextFolding.Fold(raw).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => StreetWords.TryGetValue(w, out var shorter) ? shorter : w)
            .Where(w => w.Length > 0);
        return Empty(string.Join(' ', words));
    }

    private static string? Empty(string value) => value.Length == 0 ? null : value;
}
