using System.Text;

namespace LinkService.Configuration.Schemas;

/// <summary>
/// Translates the strftime-style date patterns Table Schema uses (<c>%d/%m/%Y</c>) into .NET custom
/// format strings (<c>dd/MM/yyyy</c>) for exact parsing.
/// </summary>
public static class StrftimeFormat
{
    public static bool TryToDotNet(string pattern, out string dotNet, out string? problem)
    {
        var sb = new StringBuilder();
        problem = null;
        for (var i = 0; i < pattern.Length; i++)
        {
            var ch = pattern[i];
            if (ch != '%')
            {
                // Quote literals so letters in them are not read as .NET format specifiers.
                sb.Append(char.IsLetter(ch) ? $"'{ch}'" : ch is '\'' or '\\' or '"' ? $"\\{ch}" : ch.ToString());
                continue;
            }

            if (++i >= pattern.Length)
            {
                problem = $"date format '{pattern}' ends with a lone '%'";
                dotNet = "";
                return false;
            }

            var spec = pattern[i] switch
            {
                'd' => "dd",
                'm' => "MM",
                'Y' => "yyyy",
                'y' => "yy",
                'H' => "HH",
                'M' => "mm",
                'S' => "ss",
                'b' => "MMM",
                'B' => "MMMM",
                'f' => "FFFFFFF",
                'z' => "zzz",
                '%' => "%",
                _ => null,
            };
            if (spec is null)
            {
                problem = $"date format '{pattern}' uses '%{pattern[i]}', which LinkService does not read (use %d %m %Y %y %H %M %S %b %B %f %z)";
                dotNet = "";
                return false;
            }

            sb.Append(spec == "%" ? "\\%" : spec);
        }

        dotNet = sb.ToString();
        return true;
    }
}
