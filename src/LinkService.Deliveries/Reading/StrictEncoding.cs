using System.Text;

namespace LinkService.Deliveries.Reading;

/// <summary>The source's encoding, decoding through a <see cref="CountingDecoderFallback"/> rather than silently replacing bytes.</summary>
public static class StrictEncoding
{
    static StrictEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding For(string encodingName, CountingDecoderFallback fallback)
    {
        var codePage = encodingName.ToLowerInvariant() switch
        {
            "windows-1252" => 1252,
            "utf-16le" => 1200,
            _ => 65001,
        };

        // The UTF-8 and UTF-16 encodings carry a byte-order mark as their preamble, so StreamReader skips one
        // where present and reads on where not: "UTF-8 with or without BOM".
        return Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, fallback);
    }

    /// <summary>A byte-order mark at the start that contradicts the configured encoding, described; else null.</summary>
    public static string? ContradictingByteOrderMark(string encodingName, ReadOnlySpan<byte> start)
    {
        var name = encodingName.ToLowerInvariant();
        var utf8Bom = start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        var utf16LeBom = start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]);
        var utf16BeBom = start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        return name switch
        {
            "utf-8" when utf16LeBom || utf16BeBom => "the file starts with a UTF-16 byte-order mark, but the source is configured as utf-8",
            "windows-1252" when utf8Bom => "the file starts with a UTF-8 byte-order mark, but the source is configured as windows-1252",
            "windows-1252" when utf16LeBom || utf16BeBom => "the file starts with a UTF-16 byte-order mark, but the source is configured as windows-1252",
            "utf-16le" when utf8Bom => "the file starts with a UTF-8 byte-order mark, but the source is configured as utf-16le",
            "utf-16le" when utf16BeBom => "the file starts with a big-endian UTF-16 byte-order mark, but the source is configured as utf-16le",
            _ => null,
        };
    }
}
