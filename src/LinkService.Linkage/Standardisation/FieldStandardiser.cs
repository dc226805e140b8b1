using System.Globalization;
using System.Runtime.CompilerServices;
using LinkService.Configuration.Projects.Linkage;
using LinkService.Configuration.Schemas;

namespace LinkService.Linkage.Standardisation;

/// <summary>
/// Cleans one canonical field's raw values. Dates come out as <c>yyyyMMdd</c>; a forename may also
/// yield middle names. Null means missing. Called once per distinct raw value, so clarity beats speed.
/// </summary>
public sealed class FieldStandardiser
{
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "MR", "MRS", "MS", "MISS", "MX", "MSTR", "MASTER", "DR", "SIR", "DAME", "LORD", "LADY", "REV", "REVD", "PROF", "FR", "SR", "JR", "JNR", "SNR", "II", "III", "IV",
    };

    /// <summary>The date format of a field whose schema says <c>any</c>: read as validation reads it, any layout .NET reads invariantly.</summary>
    public const string AnyDateFormat = "any";

    private readonly BlankValues _blanks;
    private readonly string[] _dateFormats;
    private readonly bool _anyDate;

    public FieldStandardiser(StandardiseAs kind, IEnumerable<string> blankValues, string? dateFormat = null, bool splitForenames = true)
    {
        Kind = kind;
        SplitForenames = splitForenames;
        _blanks = new BlankValues(blankValues);
        _anyDate = dateFormat == AnyDateFormat;
        _dateFormats = string.IsNullOrEmpty(dateFormat) || _anyDate ? ["yyyy-MM-dd"] : [dateFormat];
    }

    public StandardiseAs Kind { get; }

    public bool SplitForenames { get; }

    /// <summary>Whether the field is a postcode or an NI number, which <see cref="StandardiseCode"/> standardises without a string.</summary>
    public bool IsCode => IsCodeKind(Kind);

    /// <summary>Whether fields standardised as <paramref name="kind"/> are codes (<see cref="IsCode"/>).</summary>
    public static bool IsCodeKind(StandardiseAs kind) => kind is StandardiseAs.Postcode or StandardiseAs.NiNumber;

    /// <summary>The standardised value and, for a forename split into words, the middle names.</summary>
    public (string? Value, string? Middle) Standardise(ReadOnlySpan<char> raw) => IsCode ? (Code(raw), null) : Standardise(raw.ToString());

    /// <summary>The standardised value and, for a forename split into words, the middle names.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (string? Value, string? Middle) Standardise(string raw)
    {
        if (IsCode)
        {
            return (Code(raw), null);
        }

        if (_blanks.IsBlank(TextFolding.Compact(raw)))
        {
            return (null, null);
        }

        return Kind switch
        {
            StandardiseAs.Forename => Forename(raw),
            StandardiseAs.Surname => (Name(raw, joinWords: true), null),
            StandardiseAs.Name => (Name(raw, joinWords: false), null),
            StandardiseAs.Date => (Date(raw), null),
            StandardiseAs.Sex => (Sex(raw), null),
            StandardiseAs.Reference => (Reference(raw), null),
            StandardiseAs.UpperAlnum => (ContactStandardisers.UpperAlnum(raw), null),
            StandardiseAs.Email => (ContactStandardisers.Email(raw), null),
            StandardiseAs.Phone => (ContactStandardisers.Phone(raw), null),
            StandardiseAs.Address => (ContactStandardisers.Address(raw), null),
            _ => (Empty(TextFolding.Fold(raw)), null),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (string?, string?) Forename(string raw)
    {
        var words = Words(raw, joinHyphens: false);
        if (words.Count == 0)
        {
            return (null, null);
        }

        if (!SplitForenames)
        {
            return (string.Join(' ', words), null);
        }

        return (words[0], words.Count > 1 ? string.Join(' ', words.Skip(1)) : null);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? Name(string raw, bool joinWords)
    {
        var words = Words(raw, joinHyphens: joinWords);
        return words.Count == 0 ? null : string.Join(joinWords ? "" : " ", words);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<string> Words(string raw, bool joinHyphens)
    {
        var words = TextFolding.Fold(raw, joinHyphens).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1)
        {
            words.RemoveAll(Titles.Contains);
        }

        words.RemoveAll(w => _blanks.IsBlank(w));
        return words;
    }

    private string? Date(string raw)
    {
        // The field's own layout first, then ISO 8601, then (for "any") whatever .NET reads; each as the date written.
        var trimmed = raw.AsSpan().Trim();
        if ((WrittenDates.Date(trimmed, _dateFormats) ?? WrittenDates.Date(trimmed, WrittenDates.Iso) ?? (_anyDate ? WrittenDates.Date(trimmed, null) : null)) is not { } date)
        {
            return null;
        }

        var compact = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return date.Year < 1850 || _blanks.IsBlank(compact) || _blanks.IsBlank(date.ToString("ddMMyyyy", CultureInfo.InvariantCulture)) ? null : compact;
    }

    private static string? Sex(string raw) => TextFolding.Compact(raw) switch
    {
        "M" or "MALE" or "MAN" or "1" => "M",
        "F" or "FEMALE" or "WOMAN" or "2" => "F",
        _ => null,
    };

    /// <summary>
    /// A postcode or NI number: there are millions of distinct ones at 1M × 3M, so the value is compacted once, on the
    /// stack, and no string is made but the result.
    /// </summary>
    private string? Code(ReadOnlySpan<char> raw)
    {
        Span<char> buffer = raw.Length < 64 ? stackalloc char[raw.Length + 1] : new char[raw.Length + 1];
        var length = StandardiseCode(raw, buffer);
        return length == 0 ? null : new string(buffer[..length]);
    }

    /// <summary>
    /// A postcode's or NI number's standardised form (what <see cref="Standardise(ReadOnlySpan{char})"/> gives) written into
    /// <paramref name="destination"/>, at least one longer than <paramref name="raw"/>: its length, 0 when missing. Standardising
    /// millions of codes makes no string of them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int StandardiseCode(ReadOnlySpan<char> raw, Span<char> destination)
    {
        var compact = TextFolding.Compact(raw, destination[1..]);
        if (compact.IsEmpty || _blanks.IsBlank(compact))
        {
            return 0;
        }

        return Kind == StandardiseAs.Postcode ? PostcodeParts.FromCompact(compact, destination) : NiNumber(compact, destination);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int NiNumber(ReadOnlySpan<char> compact, Span<char> destination)
    {
        if (compact.Length == 9 && compact[8] is >= 'A' and <= 'D')
        {
            compact = compact[..8];
        }

        // Prefixes never issued, and the temporary and administrative ones, identify nobody; a value not of the NI form is kept as it is.
        if (compact.Length == 8 && char.IsAsciiLetter(compact[0]) && char.IsAsciiLetter(compact[1]) && compact[2..].ContainsOnlyDigits()
            && (compact[0] is 'D' or 'F' or 'I' or 'Q' or 'U' or 'V' || compact[1] is 'D' or 'F' or 'I' or 'Q' or 'U' or 'V' or 'O'
                || compact[..2] is "BG" or "GB" or "KN" or "NK" or "NT" or "TN" or "ZZ" or "AA" || compact[2..].IndexOfAnyExcept('0') < 0))
        {
            return 0;
        }

        compact.CopyTo(destination);
        return compact.Length;
    }

    private static string? Reference(string raw) => Empty(TextFolding.Compact(raw).TrimStart('0'));

    private static string? Empty(string value) => value.Length == 0 ? null : value;
}
