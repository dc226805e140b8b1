using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace LinkService.Linkage.Standardisation;

/// <summary>Case and accent folding: upper-case A–Z and 0–9, punctuation to spaces, runs of spaces collapsed.</summary>
public static class TextFolding
{
    // Letters Unicode does not decompose into a base letter and a mark (Ł is not L plus a stroke): without
    // these, Wałęsa folds to WAESA and Łukasz to UKASZ, and never meet their spellings without accents.
    private static readonly Dictionary<char, string> Undecomposed = new()
    {
        ['ß'] = "SS", ['Æ'] = "AE", ['æ'] = "AE", ['Œ'] = "OE", ['œ'] = "OE", ['Ø'] = "O", ['ø'] = "O", ['Ł'] = "L", ['ł'] = "L",
        ['Đ'] = "D", ['đ'] = "D", ['Ð'] = "D", ['ð'] = "D", ['Þ'] = "TH", ['þ'] = "TH", ['ı'] = "I", ['Ħ'] = "H", ['ħ'] = "H", ['Ŧ'] = "T", ['ŧ'] = "T",
    };

    private static readonly SearchValues<char> UpperCaseLettersAndDigits = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    /// <summary>Folds <paramref name="value"/>; apostrophes vanish (O'Brien → OBRIEN), hyphens become spaces unless <paramref name="joinHyphens"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Fold(string value, bool joinHyphens = false)
    {
        var sb = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var ch in Decompose(value))
        {
            var c = char.ToUpperInvariant(ch);
            if (c is >= 'A' and <= 'Z' or >= '0' and <= '9')
            {
                if (pendingSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                pendingSpace = false;
                sb.Append(c);
            }
            else if (c is '\'' or '’' or '`' || (c == '-' && joinHyphens) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return sb.ToString();
    }

    /// <summary>Letters and digits only, upper-cased: the form blank-like values and codes are compared in.</summary>
    public static string Compact(string value)
    {
        // Called on every distinct raw value (millions of codes and postcodes): plain ASCII is compacted without a builder.
        if (!value.AsSpan().ContainsAnyExceptInRange('\0', '\x7F'))
        {
            if (!value.AsSpan().ContainsAnyExcept(UpperCaseLettersAndDigits))
            {
                return value;
            }

            Span<char> buffer = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
            return new string(CompactAscii(value, buffer));
        }

        var sb = new StringBuilder(value.Length);
        foreach (var ch in Decompose(value))
        {
            var c = char.ToUpperInvariant(ch);
            if (c is >= 'A' and <= 'Z' or >= '0' and <= '9')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// <see cref="Compact(string)"/> of <paramref name="value"/>, written into <paramref name="buffer"/> (at least as long)
    /// when it is plain ASCII, as nearly every code and postcode is: no string is made for it.
    /// </summary>
    public static ReadOnlySpan<char> Compact(ReadOnlySpan<char> value, Span<char> buffer) =>
        value.ContainsAnyExceptInRange('\0', '\x7F') ? Compact(value.ToString()) : CompactAscii(value, buffer);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Span<char> CompactAscii(ReadOnlySpan<char> value, Span<char> buffer)
    {
        var length = 0;
        foreach (var ch in value)
        {
            var c = char.ToUpperInvariant(ch);
            if (c is >= 'A' and <= 'Z' or >= '0' and <= '9')
            {
                buffer[length++] = c;
            }
        }

        return buffer[..length];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Decompose(string value)
    {
        if (!value.AsSpan().ContainsAnyExceptInRange('\0', '\x7F'))
        {
            return value;
        }

        var sb = new StringBuilder(value.Length + 4);
        foreach (var ch in value.Normalize(NormalizationForm.FormD))
        {
            if (Undecomposed.TryGetValue(ch, out var plain))
            {
                sb.Append(plain);
            }
            else
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }
}
