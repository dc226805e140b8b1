using System.Globalization;
using LinkService.Configuration.Schemas;

namespace LinkService.Outputs.Transforms;

/// <summary>
/// Writes a number or integer cell as validation read it: both read it with <see cref="WrittenNumbers"/>, so each value
/// validation accepted is written, none blanked. The digits as written where a decimal holds them, Table Schema's NaN,
/// INF and -INF, and any other value as a round-trip double.
/// </summary>
internal static class NumberCells
{
    /// <summary>A field's cells as the analyst's file shows them; null only for a cell validation does not accept.</summary>
    public static Func<string, string?> For(SchemaField field)
    {
        var read = Reader(field);
        return cell => read(cell) switch
        {
            null => null,
            { Exact: { } exact } => Format(exact),
            { Value: var value } => WrittenNumbers.Invariant(value),
        };
    }

    /// <summary>As <see cref="For"/>, with values above <paramref name="maximum"/> written as it.</summary>
    public static Func<string, string?> TopCoded(SchemaField field, decimal maximum)
    {
        var read = Reader(field);
        var above = (double)maximum;
        return cell => read(cell) switch
        {
            null => null,
            { Exact: { } exact } => Format(Math.Min(exact, maximum)),
            // A value no decimal holds compares as validation read it: INF is above any maximum, -INF below. NaN is
            // above nothing and is written as NaN: it has no size for top-coding to hide, and a blank would tell the
            // analyst no value was delivered where one was.
            { Value: var value } => value > above ? Format(maximum) : WrittenNumbers.Invariant(value),
        };
    }

    /// <summary>The plain invariant form an analyst's tools read: no group separators, '.' for decimals.</summary>
    public static string Format(decimal n) => n.ToString("0.############################", CultureInfo.InvariantCulture);

    private static Func<string, Number?> Reader(SchemaField field)
    {
        var (written, integer) = (WrittenNumbers.Of(field), field.Type == FieldType.Integer);
        return cell => Read(written, integer, cell);
    }

    private static Number? Read(WrittenNumbers written, bool integer, string cell)
    {
        Span<char> buffer = stackalloc char[WrittenNumbers.MaxLength];
        if (!written.TryInvariant(cell, buffer, out var text) || !(integer ? WrittenNumbers.TryInteger(text, out var value) : WrittenNumbers.TryNumber(text, out value)))
        {
            return null;
        }

        return new Number(value, WrittenNumbers.TryDecimal(text, value, out var exact) ? exact : null);
    }

    /// <param name="Value">The value validation read, which bounds were checked against.</param>
    /// <param name="Exact">The same as a decimal, with the digits as written, where one holds it.</param>
    private readonly record struct Number(double Value, decimal? Exact);
}
