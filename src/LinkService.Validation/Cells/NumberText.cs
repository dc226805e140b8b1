using System.Globalization;

namespace LinkService.Validation.Cells;

/// <summary>Reads Table Schema numbers and integers from a cell, honouring decimalChar, groupChar and bareNumber.</summary>
internal sealed class NumberText
{
    private const int MaxNumberLength = 128;
    private static readonly System.Buffers.SearchValues<char> NumberStart = System.Buffers.SearchValues.Create("0123456789-+.");
    private readonly char _decimal;
    private readonly char? _group;
    private readonly bool _bare;

    public NumberText(string? decimalChar, string? groupChar, bool? bareNumber)
    {
        _decimal = string.IsNullOrEmpty(decimalChar) ? '.' : decimalChar[0];
        _group = string.IsNullOrEmpty(groupChar) ? null : groupChar[0];
        _bare = bareNumber ?? true;
    }

    public bool TryInteger(ReadOnlySpan<char> cell, out double value)
    {
        Span<char> buffer = stackalloc char[MaxNumberLength];
        value = 0;
        if (!TryNormalise(cell, buffer, out var text) || !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        value = n;
        return true;
    }

    public bool TryNumber(ReadOnlySpan<char> cell, out double value)
    {
        Span<char> buffer = stackalloc char[MaxNumberLength];
        value = 0;
        if (!TryNormalise(cell, buffer, out var text))
        {
            return false;
        }

        // Table Schema spells the specials NaN, INF and -INF; .NET's own "Infinity" is not a Table Schema number.
        if (text is "NaN" or "INF" or "-INF")
        {
            value = text[0] == 'N' ? double.NaN : text[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        return text.Length > 0 && (char.IsAsciiDigit(text[^1]) || text[^1] == '.')
            && double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);
    }

    private bool TryNormalise(ReadOnlySpan<char> cell, Span<char> buffer, out ReadOnlySpan<char> text)
    {
        text = cell;
        if (!_bare)
        {
            var start = cell.IndexOfAny(NumberStart);
            var end = cell.LastIndexOfAnyInRange('0', '9');
            text = start < 0 || end < start ? [] : cell[start..(end + 1)];
        }

        if (_group is null && _decimal == '.')
        {
            return true;
        }

        if (text.Length > buffer.Length)
        {
            return false;
        }

        var length = 0;
        foreach (var ch in text)
        {
            if (ch == _group)
            {
                continue;
            }

            buffer[length++] = ch == _decimal ? '.' : ch == '.' ? ',' : ch;
        }

        text = buffer[..length];
        return true;
    }
}
