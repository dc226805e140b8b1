using LinkService.Configuration.Sources;

namespace LinkService.Intake.Scanning;

/// <summary>
/// Whether a file's bytes end where a record ends: after a line end, with every quote closed. An upload that stalls
/// mid-record leaves neither; one that stalls at a row boundary is the writer signal's to see. Fed as the file is copied.
/// </summary>
internal sealed class RecordEnd
{
    private readonly byte? _quote;
    private readonly int _unit;
    private long _quotes;
    private long _length;
    private byte _last;
    private byte _beforeLast;

    private RecordEnd(byte? quote, int unit)
    {
        _quote = quote;
        _unit = unit;
    }

    /// <summary>
    /// The check for <paramref name="source"/>, or null where it does not apply: a compressed file (its bytes are not the
    /// text) or a checksum sidecar (its digest already says the file is whole, and a missing final line end is then the format's).
    /// </summary>
    public static RecordEnd? For(SourceDefinition source)
    {
        if (source.Compression != Compression.None || source.Completion.Signal == CompletionSignal.Checksum)
        {
            return null;
        }

        // In UTF-16 a quote's byte is also part of other characters: only the line end is checked there.
        var utf16 = source.Dialect.Encoding.Equals("utf-16le", StringComparison.OrdinalIgnoreCase);
        byte? quote = !utf16 && source.Dialect.Quote is [var q] && q < 0x80 ? (byte)q : null;
        return new RecordEnd(quote, utf16 ? 2 : 1);
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        if (_quote is { } quote)
        {
            _quotes += System.MemoryExtensions.Count(bytes, quote);
        }

        _beforeLast = bytes.Length > 1 ? bytes[^2] : _last;
        _last = bytes[^1];
        _length += bytes.Length;
    }

    /// <summary>True if the last record is cut off: no line end after it, or a quote left open.</summary>
    public bool IsCutOff =>
        _length > 0 && (_quotes % 2 == 1 || (_unit == 1 ? _last is not ((byte)'\n' or (byte)'\r') : _beforeLast is not ((byte)'\n' or (byte)'\r') || _last != 0));
}
