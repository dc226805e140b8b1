namespace LinkService.Outputs.Packaging;

/// <summary>The IANA media type of an output file, by its extension.</summary>
internal static class MediaTypes
{
    public static string Of(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => "text/csv",
        ".json" => "application/json",
        ".html" => "text/html",
        ".md" => "text/markdown",
        ".txt" => "text/plain",
        _ => "application/octet-stream",
    };
}
