using LinkService.Configuration.Loading;

namespace LinkService.Configuration.Sources;

/// <summary>How a source writes its CSV (the Frictionless CSV dialect, reduced to what departments vary).</summary>
public sealed class CsvDialect : IValidatableConfig
{
    public static IReadOnlyList<string> Encodings { get; } = ["utf-8", "windows-1252", "utf-16le"];

    public string Delimiter { get; init; } = ",";

    public string Quote { get; init; } = "\"";

    /// <summary>Whether the first row names the columns. Without one, columns are taken in schema order.</summary>
    public bool Header { get; init; } = true;

    /// <summary><c>utf-8</c> (with or without a byte-order mark), <c>windows-1252</c> or <c>utf-16le</c>.</summary>
    public string Encoding { get; init; } = "utf-8";

    public void Validate(ConfigErrors errors, string path)
    {
        if (Delimiter.Length != 1 || Delimiter is "\r" or "\n")
        {
            errors.Add($"{path}.delimiter", "must be a single character other than a line break");
        }

        if (Quote.Length != 1 || Quote is "\r" or "\n")
        {
            errors.Add($"{path}.quote", "must be a single character other than a line break");
        }
        else if (Quote == Delimiter)
        {
            errors.Add($"{path}.quote", "must differ from the delimiter");
        }

        if (!Encodings.Contains(Encoding, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"{path}.encoding", $"'{Encoding}' is not supported (one of: {string.Join(", ", Encodings)})");
        }
    }
}
