using System.Buffers;

namespace LinkService.Linkage.Running;

/// <summary>RFC 4180 quoting for the run's CSV files.</summary>
public static class CsvText
{
    public static string Field(string value) =>
        NeedsQuotes(value) ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    public static string Field(ReadOnlySpan<char> value) => Field(new string(value));

    /// <summary>Writes <paramref name="value"/> as <see cref="Field(string)"/> spells it, with no string made when it needs no quotes.</summary>
    public static void Write(TextWriter writer, ReadOnlySpan<char> value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (NeedsQuotes(value))
        {
            writer.Write(Field(value));
        }
        else
        {
            writer.Write(value);
        }
    }

    private static readonly SearchValues<char> Special = SearchValues.Create(",\"\r\n");

    /// <summary>Whether <see cref="Field(string)"/> puts <paramref name="value"/> in quotes.</summary>
    public static bool NeedsQuotes(ReadOnlySpan<char> value) => value.ContainsAny(Special);
}
