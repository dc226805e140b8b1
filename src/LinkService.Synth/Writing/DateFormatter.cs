using System.Globalization;
using LinkService.Configuration.Schemas;

namespace LinkService.Synth.Writing;

/// <summary>
/// Writes dates in a field's Table Schema format. The common numeric patterns (%d %m %Y %y and
/// literals) are written digit by digit, which is several times faster than the general formatter;
/// anything else goes through .NET's formatting of the translated pattern.
/// </summary>
internal sealed class DateFormatter
{
    private const string IsoDate = "%Y-%m-%d";
    private const string IsoDateTime = "%Y-%m-%dT%H:%M:%S";
    private readonly string _tokens;
    private readonly string? _dotNet;
    private readonly bool _withTime;

    private DateFormatter(string pattern, bool withTime)
    {
        _withTime = withTime;
        var day = pattern.IndexOf("%d", StringComparison.Ordinal);
        var month = pattern.IndexOf("%m", StringComparison.Ordinal);
        var year = Math.Max(pattern.IndexOf("%Y", StringComparison.Ordinal), pattern.IndexOf("%y", StringComparison.Ordinal));
        DayMonthAmbiguous = day >= 0 && month >= 0 && (year < 0 || year > Math.Min(day, month));
        if (!StrftimeFormat.TryToDotNet(pattern, out var dotNet, out _))
        {
            throw new ArgumentException($"The date format of a field cannot be written (pattern '{pattern}').", nameof(pattern));
        }

        _tokens = Compile(pattern) ?? "";
        _dotNet = _tokens.Length == 0 ? dotNet : null;
    }

    public const int MaxLength = 64;

    /// <summary>
    /// Whether day and month are both numbers and lead the date (31/12/1990, 12/31/1990), so that a
    /// person or a system can read one for the other; a year-first date (1990-12-31) is not misread.
    /// </summary>
    public bool DayMonthAmbiguous { get; }

    public static DateFormatter For(SchemaField field)
    {
        var withTime = field.Type == FieldType.Datetime;
        var pattern = field.Format is null or "default" or "any" ? (withTime ? IsoDateTime : IsoDate) : field.Format;
        return new DateFormatter(pattern, withTime);
    }

    public int Format(DateTime value, Span<char> destination)
    {
        if (_dotNet is not null)
        {
            var ok = _withTime
                ? value.TryFormat(destination, out var written, _dotNet, CultureInfo.InvariantCulture)
                : DateOnly.FromDateTime(value).TryFormat(destination, out written, _dotNet, CultureInfo.InvariantCulture);
            return ok ? written : throw new InvalidOperationException("A formatted date did not fit its buffer.");
        }

        var n = 0;
        value.Deconstruct(out var date, out _);
        date.Deconstruct(out var year, out var month, out var day);
        for (var i = 0; i < _tokens.Length; i += 2)
        {
            n += _tokens[i] switch
            {
                'd' => Digits(day, 2, destination[n..]),
                'm' => Digits(month, 2, destination[n..]),
                'Y' => Digits(year, 4, destination[n..]),
                'y' => Digits(year % 100, 2, destination[n..]),
                'H' => Digits(value.Hour, 2, destination[n..]),
                'M' => Digits(value.Minute, 2, destination[n..]),
                'S' => Digits(value.Second, 2, destination[n..]),
                _ => Literal(_tokens[i + 1], destination[n..]),
            };
        }

        return n;
    }

    public int Format(DateOnly value, Span<char> destination) => Format(value.ToDateTime(TimeOnly.MinValue), destination);

    /// <summary>Pairs of (specifier, literal): 'L' then the literal character, or the specifier and a filler.</summary>
    private static string? Compile(string pattern)
    {
        var tokens = new System.Text.StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '%')
            {
                tokens.Append('L').Append(pattern[i]);
                continue;
            }

            var spec = pattern[++i];
            if (spec == '%')
            {
                tokens.Append('L').Append('%');
            }
            else if ("dmYyHMS".Contains(spec, StringComparison.Ordinal))
            {
                tokens.Append(spec).Append(' ');
            }
            else
            {
                return null;
            }
        }

        return tokens.ToString();
    }

    private static int Digits(int value, int width, Span<char> destination)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }

        return width;
    }

    private static int Literal(char ch, Span<char> destination)
    {
        destination[0] = ch;
        return 1;
    }
}
