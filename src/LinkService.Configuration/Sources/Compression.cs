namespace LinkService.Configuration.Sources;

public enum Compression
{
    None,

    /// <summary>The delivery is <c>.csv.gz</c>; it is validated and linked from the compressed copy.</summary>
    Gzip,
}
