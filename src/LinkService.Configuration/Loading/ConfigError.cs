namespace LinkService.Configuration.Loading;

/// <summary>
/// One configuration problem: the file it is in, the JSON path inside that file, and what is wrong.
/// Messages never quote data values; configuration holds none.
/// </summary>
public sealed record ConfigError(string File, string JsonPath, string Message)
{
    public override string ToString() => $"{File}: {JsonPath}: {Message}";
}
