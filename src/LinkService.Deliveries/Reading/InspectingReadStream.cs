namespace LinkService.Deliveries.Reading;

/// <summary>
/// Wraps the text's byte stream (after decompression): counts the bytes, stops at a limit (a gzip bomb is
/// cut off, not inflated), keeps the first bytes to check the byte-order mark, and notices NUL bytes near the
/// start, which text in a single-byte or UTF-8 encoding never has.
/// </summary>
public sealed class InspectingReadStream : ReadOnlyWrapperStream
{
    private const int PrefixLength = 8192;
    private readonly long _limit;
    private readonly byte[] _prefix = new byte[PrefixLength];
    private int _prefixLength;

    public InspectingReadStream(Stream inner, long limit)
        : base(inner)
    {
        _limit = limit;
    }

    public long BytesRead { get; private set; }

    public ReadOnlySpan<byte> Prefix => _prefix.AsSpan(0, _prefixLength);

    public bool NulInPrefix => Prefix.Contains((byte)0);

    /// <summary>Whether any NUL byte has been read so far (a vectorised scan of each buffer, nearly free).</summary>
    public bool NulSeen { get; private set; }

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        var n = Inner.Read(buffer);
        if (_prefixLength < PrefixLength && n > 0)
        {
            var take = Math.Min(n, PrefixLength - _prefixLength);
            buffer[..take].CopyTo(_prefix.AsSpan(_prefixLength));
            _prefixLength += take;
        }

        NulSeen = NulSeen || buffer[..n].Contains((byte)0);
        BytesRead += n;
        if (BytesRead > _limit)
        {
            throw new DecompressedSizeExceededException(_limit);
        }

        return n;
    }
}
