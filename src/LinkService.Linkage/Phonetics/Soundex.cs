namespace LinkService.Linkage.Phonetics;

/// <summary>American Soundex (the US National Archives rules: H and W do not separate equal codes).</summary>
public static class Soundex
{
    //                                    ABCDEFGHIJKLMNOPQRSTUVWXYZ
    private const string Codes = "01230120022455012623010202";

    public static string Encode(string value)
    {
        Span<char> key = stackalloc char[4];
        var length = 0;
        var previous = '\0';
        foreach (var raw in value)
        {
            var ch = char.ToUpperInvariant(raw);
            if (ch is < 'A' or > 'Z')
            {
                continue;
            }

            var code = Codes[ch - 'A'];
            if (length == 0)
            {
                key[length++] = ch;
                previous = code;
                continue;
            }

            if (ch is 'H' or 'W')
            {
                continue;
            }

            if (code != '0' && code != previous)
            {
                key[length++] = code;
                if (length == 4)
                {
                    break;
                }
            }

            previous = code;
        }

        if (length == 0)
        {
            return "";
        }

        key[length..].Fill('0');
        return new string(key);
    }
}
