using System.Text;

namespace LinkService.Linkage.Phonetics;

/// <summary>
/// NYSIIS (New York State Identification and Intelligence System), the original 1970 rules,
/// without the six-character truncation so that long names keep their distinctions.
/// </summary>
public static class Nysiis
{
    public static string Encode(string value)
    {
        var letters = new StringBuilder(value.Length);
        foreach (var raw in value)
        {
            var ch = char.ToUpperInvariant(raw);
            if (ch is >= 'A' and <= 'Z')
            {
                letters.Append(ch);
            }
        }

        if (letters.Length == 0)
        {
            return "";
        }

        var name = TranslateEnds(letters.ToString());
        var key = new StringBuilder(name.Length);
        key.Append(name[0]);
        var chars = name.ToCharArray();
        for (var i = 1; i < chars.Length; i++)
        {
            string piece;
            var ch = chars[i];
            if (ch == 'E' && i + 1 < chars.Length && chars[i + 1] == 'V')
            {
                piece = "AF";
                chars[i + 1] = 'F';
                i++;
            }
            else if (IsVowel(ch))
            {
                piece = "A";
            }
            else if (ch == 'Q')
            {
                piece = "G";
            }
            else if (ch == 'Z')
            {
                piece = "S";
            }
            else if (ch == 'M')
            {
                piece = "N";
            }
            else if (ch == 'K')
            {
                piece = i + 1 < chars.Length && chars[i + 1] == 'N' ? "N" : "C";
            }
            else if (ch == 'S' && i + 2 < chars.Length && chars[i + 1] == 'C' && chars[i + 2] == 'H')
            {
                piece = "SSS";
                chars[i + 1] = 'S';
                chars[i + 2] = 'S';
                i += 2;
            }
            else if (ch == 'P' && i + 1 < chars.Length && chars[i + 1] == 'H')
            {
                piece = "FF";
                chars[i + 1] = 'F';
                i++;
            }
            else if (ch == 'H' && (!IsVowel(chars[i - 1]) || (i + 1 < chars.Length && !IsVowel(chars[i + 1])) || i + 1 == chars.Length))
            {
                piece = chars[i - 1].ToString();
            }
            else if (ch == 'W' && IsVowel(chars[i - 1]))
            {
                piece = chars[i - 1].ToString();
            }
            else
            {
                piece = ch.ToString();
            }

            // Later rules read the previous letter as translated (rules 4h and 4i copy it: after a vowel, A).
            chars[i] = piece[^1];
            foreach (var p in piece)
            {
                if (key[^1] != p)
                {
                    key.Append(p);
                }
            }
        }

        return TrimEnd(key);
    }

    private static string TranslateEnds(string name)
    {
        if (name.StartsWith("MAC", StringComparison.Ordinal))
        {
            name = "MCC" + name[3..];
        }
        else if (name.StartsWith("KN", StringComparison.Ordinal))
        {
            name = "NN" + name[2..];
        }
        else if (name.StartsWith('K'))
        {
            name = "C" + name[1..];
        }
        else if (name.StartsWith("PH", StringComparison.Ordinal) || name.StartsWith("PF", StringComparison.Ordinal))
        {
            name = "FF" + name[2..];
        }
        else if (name.StartsWith("SCH", StringComparison.Ordinal))
        {
            name = "SSS" + name[3..];
        }

        if (name.EndsWith("EE", StringComparison.Ordinal) || name.EndsWith("IE", StringComparison.Ordinal))
        {
            name = name[..^2] + "Y";
        }
        else if (name.Length >= 2 && name[^2..] is "DT" or "RT" or "RD" or "NT" or "ND")
        {
            name = name[..^2] + "D";
        }

        return name;
    }

    private static string TrimEnd(StringBuilder key)
    {
        if (key.Length > 1 && key[^1] == 'S')
        {
            key.Length--;
        }

        if (key.Length > 2 && key[^2] == 'A' && key[^1] == 'Y')
        {
            key.Remove(key.Length - 2, 1);
        }

        if (key.Length > 1 && key[^1] == 'A')
        {
            key.Length--;
        }

        return key.ToString();
    }

    private static bool IsVowel(char ch) => ch is 'A' or 'E' or 'I' or 'O' or 'U';
}
