using System.IO.Compression;
using System.Text;

namespace LinkService.Configuration.Sources;

/// <summary>
/// Opens a delivered file as text the way its source writes it: gzip when configured, the
/// configured encoding, a byte-order mark honoured where one is present. For accepted
/// deliveries; validation does its own strict decoding to report undecodable bytes.
/// </summary>
public static class DeliveryText
{
    static DeliveryText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding EncodingOf(CsvDialect dialect) => dialect.Encoding.ToLowerInvariant() switch
    {
        "windows-1252" => Encoding.GetEncoding(1252),
        "utf-16le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
        _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
    };

    public static StreamReader Open(SourceDefinition source, string path, int bufferSize = 1 << 16)
    {
        Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, FileOptions.SequentialScan);
        if (source.Compression == Compression.Gzip)
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }

        return new StreamReader(stream, EncodingOf(source.Dialect), detectEncodingFromByteOrderMarks: true, bufferSize);
    }
}
