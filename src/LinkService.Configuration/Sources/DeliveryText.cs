using System.Text;

namespace LinkService.Configuration.Sources;

/// <summary>
/// The text encoding a source writes its deliveries in, for writing extracts (synthetic ones). Deliveries are
/// read by LinkService.Deliveries' one reader, which decodes strictly.
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
}
