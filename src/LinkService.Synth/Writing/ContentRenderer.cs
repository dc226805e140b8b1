using System.Globalization;
using LinkService.Synth.Columns;
using LinkService.Synth.Randomness;

namespace LinkService.Synth.Writing;

/// <summary>
/// Writes content columns from their type and constraints: enum values, numbers within the bounds
/// (skewed towards the low end, like durations and amounts), and dates that follow each other
/// within a row (a claim's end after its start), left blank when still in the future. Offender
/// sentence columns, where present, are kept consistent by <see cref="OffenceSentences"/>.
/// </summary>
internal sealed class ContentRenderer
{
    private readonly char[] _scratch = new char[256];
    private readonly DateOnly _referenceDate;
    private readonly double _missing;
    private readonly OffenceSentences? _sentences;
    private DateOnly? _previousDate;

    public ContentRenderer(DateOnly referenceDate, double missingShare, OffenceSentences? sentences)
    {
        _referenceDate = referenceDate;
        _missing = missingShare;
        _sentences = sentences;
    }

    /// <summary>Forgets the row's dates and draws its sentence; call before each row.</summary>
    public void StartRow(ref SplitMix rng)
    {
        _previousDate = null;
        _sentences?.StartRow(ref rng);
    }

    public void Write(CsvRowWriter csv, Column column, ref SplitMix rng)
    {
        if (!column.Required && rng.Chance(_missing))
        {
            csv.Field(column.Missing);
            return;
        }

        var text = _scratch.AsSpan();
        if (_sentences is not null && _sentences.TryRender(column, text, _referenceDate, ref rng, out var length))
        {
            Field(csv, column, text, length);
            return;
        }

        var n = column.Kind switch
        {
            ColumnKind.Enum => Copy(text, column.Values[rng.Next(column.Values.Count)]),
            ColumnKind.Integer => Integer(text, column, ref rng),
            ColumnKind.Number => Number(text, column, ref rng),
            ColumnKind.Date or ColumnKind.DateTime => Date(text, column, ref rng),
            ColumnKind.Boolean => Copy(text, rng.Chance(0.5) ? "true" : "false"),
            ColumnKind.Year => Year(text, column, ref rng),
            _ => Text(text, column, ref rng),
        };
        Field(csv, column, text, n);
    }

    private static void Field(CsvRowWriter csv, Column column, Span<char> text, int length)
    {
        if (length < 0)
        {
            csv.Field(column.Missing);
        }
        else
        {
            csv.Field(text[..length], column.MaxLength);
        }
    }

    private static int Copy(Span<char> text, string? value)
    {
        value ??= "";
        value.CopyTo(text);
        return value.Length;
    }

    private static int Integer(Span<char> text, Column column, ref SplitMix rng)
    {
        var min = (long)Math.Ceiling(column.Minimum ?? 0);
        var max = (long)Math.Floor(column.Maximum ?? min + 100);
        var u = rng.NextDouble();
        var value = Math.Min(max, min + (long)((max - min + 1) * u * u * u));
        value.TryFormat(text, out var n, provider: CultureInfo.InvariantCulture);
        return n;
    }

    /// <summary>A number with two decimals (an amount), written from whole hundredths without the general formatter.</summary>
    private static int Number(Span<char> text, Column column, ref SplitMix rng)
    {
        var min = column.Minimum ?? 0;
        var max = column.Maximum ?? min + 500;
        var u = rng.NextDouble();
        var low = (long)Math.Ceiling(min * 100);
        var high = (long)Math.Floor(max * 100);
        var hundredths = Math.Clamp((long)Math.Round((min + ((max - min) * u * Math.Sqrt(u))) * 100), low, Math.Max(low, high));
        var n = 0;
        if (hundredths < 0)
        {
            text[n++] = '-';
            hundredths = -hundredths;
        }

        (hundredths / 100).TryFormat(text[n..], out var whole, provider: CultureInfo.InvariantCulture);
        n += whole;
        text[n++] = '.';
        text[n++] = (char)('0' + (hundredths / 10 % 10));
        text[n++] = (char)('0' + (hundredths % 10));
        return n;
    }

    private int Date(Span<char> text, Column column, ref SplitMix rng)
    {
        DateOnly date;
        if (_previousDate is { } previous)
        {
            date = previous.AddDays(rng.Between(14, 3 * 365));
            if (date > _referenceDate)
            {
                // Still running at the extract date: an open end where the field allows one.
                if (!column.Required)
                {
                    return -1;
                }

                date = _referenceDate;
            }
        }
        else
        {
            date = _referenceDate.AddDays(-rng.Between(30, 8 * 365));
        }

        if (column.EarliestDate is { } earliest && date < earliest)
        {
            date = earliest;
        }

        if (column.LatestDate is { } latest && date > latest)
        {
            date = latest;
        }

        _previousDate = date;
        var moment = date.ToDateTime(new TimeOnly(rng.Next(24), rng.Next(60), rng.Next(60)));
        return column.Dates!.Format(column.Kind == ColumnKind.DateTime ? moment : date.ToDateTime(TimeOnly.MinValue), text);
    }

    private int Year(Span<char> text, Column column, ref SplitMix rng)
    {
        var min = (int)(column.Minimum ?? 1990);
        var max = (int)(column.Maximum ?? _referenceDate.Year);
        rng.Between(min, Math.Max(min, max)).TryFormat(text, out var n, provider: CultureInfo.InvariantCulture);
        return n;
    }

    private static int Text(Span<char> text, Column column, ref SplitMix rng)
    {
        if (column.Code is { } code)
        {
            return code.Format((long)(rng.NextUInt64() % code.Capacity), text);
        }

        var length = Math.Min(column.MaxLength is 0 ? 8 : column.MaxLength, 8);
        for (var i = 0; i < length; i++)
        {
            text[i] = (char)('a' + rng.Next(26));
        }

        return length;
    }
}
