using System.Globalization;
using System.Text;

namespace LinkService.Linkage.Standardisation;

/// <summary>Case and accent folding: upper-case A–Z and 0–9, punctuation to spaces, runs of spaces collapsed.</summary>
public static class TextFolding
{
    /// <summary>Folds <paramref name="value"/>; apostrophes vanish (O'Brien → OBRIEN), hyphens become spaces unless <paramref name="joinHyphens"/>.</summary>
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

    private static string Decompose(string value)
    {
        foreach (var ch in value)
        {
            if (ch > 127)
            {
                return value.Normalize(NormalizationForm.FormD).Replace("ß", "SS", StringComparison.Ordinal).Replace("Æ", "AE", StringComparison.Ordinal).Replace("æ", "AE", StringComparison.Ordinal).Replace("Ø", "O", StringComparison.Ordinal).Replace("ø", "O", StringComparison.Ordinal);
            }
        }

        return value;
    }
}
