namespace LinkService.Linkage.Running;

/// <summary>RFC 4180 quoting for the run's CSV files.</summary>
public static class CsvText
{
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Field(ReadOnlySpan<char> value) => Field(new string(value));
}
