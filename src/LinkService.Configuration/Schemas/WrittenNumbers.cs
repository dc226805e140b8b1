using System.Buffers;
using System.Globalization;

namespace LinkService.Configuration.Schemas;

/// <summary>
/// The number a number or integer field's cell holds, as the department wrote it, read one way for every reader:
/// validation accepts and bounds a cell by it, and the output stages write back what it reads, so no cell validation
/// accepted is one the outputs cannot write. A field's decimalChar, groupChar and bareNumber (Table Schema) say how
/// its cells are written. Span-based and allocation-free: validation reads every number cell of every row with it.
/// </summary>
public sealed class WrittenNumbers
{
    /// <summary>The longest number text read where a character must change; a longer one is not a number.</summary>
    public const int MaxLength = 128;

    /// <summary>Table Schema's spelling of the specials; .NET's own "Infinity" is not a Table Schema number.</summary>
    public const string NaN = "NaN";

    /// <inheritdoc cref="NaN"/>
    public const string Infinity = "INF";

    /// <inheritdoc cref="NaN"/>
    public const string NegativeInfinity = "-INF";

    private const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
    private static readonly SearchValues<char> NumberStart = SearchValues.Create("0123456789-+.");
    private readonly char _decimal;
    private readonly char? _group;
    private readonly bool _bare;

    public WrittenNumbers(string? decimalChar, string? groupChar, bool? bareNumber)
    {
        _decimal = string.IsNullOrEmpty(decimalChar) ? '.' : decimalChar[0];
        _group = string.IsNullOrEmpty(groupChar) ? null : groupChar[0];
        _bare = bareNumber ?? true;
    }

    public static WrittenNumbers Of(SchemaField field) => new(field.DecimalChar, field.GroupChar, field.BareNumber);

    /// <summary>
    /// The cell's number in invariant text: where the field is not bare, from its first sign, point (its decimal character or '.') or digit to its
    /// last digit; group characters dropped; '.' for the decimal character. It is written into <paramref name="buffer"/>
    /// (<see cref="MaxLength"/> long) where a character must change, else it is a slice of the cell.
    /// </summary>
    public bool TryInvariant(ReadOnlySpan<char> cell, Span<char> buffer, out ReadOnlySpan<char> text)
    {
        text = cell;
        if (!_bare)
        {
            // The field's own decimal character starts a number too: "EUR ,5" is a half where ',' is the point.
            var start = cell.IndexOfAny(NumberStart);
            if (_decimal != '.' && cell.IndexOf(_decimal) is var point and >= 0 && (start < 0 || point < start))
            {
                start = point;
            }

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

            // A '.' that is not the decimal character becomes one no parser reads as a point, so "1.5" is not a number
            // in a field whose decimal character is ','.
            buffer[length++] = ch == _decimal ? '.' : ch == '.' ? ',' : ch;
        }

        text = buffer[..length];
        return true;
    }

    /// <summary>
    /// An integer field's value, from the cell's <see cref="TryInvariant"/> text: a whole number within long's range,
    /// as a double, as <see cref="TryNumber"/> gives a number field's, so that bounds and top-coding compare both alike.
    /// </summary>
    public static bool TryInteger(ReadOnlySpan<char> invariant, out double value)
    {
        var read = long.TryParse(invariant, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n);
        value = n;
        return read;
    }

    /// <summary>
    /// A number field's value, from the cell's <see cref="TryInvariant"/> text: Table Schema's specials, or a number
    /// with an optional exponent; beyond double's range it is infinite.
    /// </summary>
    public static bool TryNumber(ReadOnlySpan<char> invariant, out double value)
    {
        value = 0;
        if (invariant is NaN or Infinity or NegativeInfinity)
        {
            value = invariant[0] == 'N' ? double.NaN : invariant[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        return invariant.Length > 0 && (char.IsAsciiDigit(invariant[^1]) || invariant[^1] == '.')
            && double.TryParse(invariant, Styles, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// The cell's number as a decimal, which keeps the digits written where a double rounds them (12345678901234567.89
    /// stays so; as a double it is 12345678901234568), where a decimal holds it: not a special, within decimal's range,
    /// and not so small that decimal's 28 places round it.
    /// </summary>
    /// <param name="invariant">The cell's <see cref="TryInvariant"/> text.</param>
    /// <param name="value">The value <see cref="TryNumber"/> or <see cref="TryInteger"/> read from it.</param>
    public static bool TryDecimal(ReadOnlySpan<char> invariant, double value, out decimal exact) =>
        decimal.TryParse(invariant, Styles, CultureInfo.InvariantCulture, out exact)
            && (exact.Scale < 28 || double.Parse(exact.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) == value);

    /// <summary>A value as Table Schema reads it back, invariant and round-trip: the specials as Table Schema spells them.</summary>
    public static string Invariant(double value) => value switch
    {
        double.NaN => NaN,
        double.PositiveInfinity => Infinity,
        double.NegativeInfinity => NegativeInfinity,
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
