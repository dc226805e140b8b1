namespace LinkService.Deliveries.Reading;

/// <summary>Thrown while streaming when a gzip delivery inflates past its source's limit (a gzip bomb).</summary>
public sealed class DecompressedSizeExceededException : IOException
{
    public DecompressedSizeExceededException()
    {
    }

    public DecompressedSizeExceededException(string message)
        : base(message)
    {
    }

    public DecompressedSizeExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DecompressedSizeExceededException(long limit)
        : base($"the decompressed text exceeds the source's limit of {limit:N0} bytes")
    {
        Limit = limit;
    }

    public long Limit { get; }
}
