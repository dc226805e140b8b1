using System.Globalization;
using System.IO.Compression;
using CsvHelper;
using CsvHelper.Configuration;
using LinkService.Configuration.Sources;

namespace LinkService.Validation.Reading;

/// <summary>
/// One delivery opened for streaming: file, optional gzip, a byte counter with the decompression limit,
/// strict decoding and CsvHelper's parser. Quote problems the parser meets are flagged for the current row.
/// </summary>
internal sealed class DeliveryReader : IDisposable
{
    private readonly FileStream _file;
    private readonly StreamReader _text;
    private readonly char _quote;
    private readonly bool _isUtf16;

    private DeliveryReader(SourceDefinition source, string path, int parserFieldCap)
    {
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            Stream raw = source.Compression == Compression.Gzip ? new GZipStream(_file, CompressionMode.Decompress) : _file;
            var limit = source.Compression == Compression.Gzip ? source.MaxDecompressedBytes : long.MaxValue;
            Inspector = new InspectingReadStream(raw, limit);
            Fallback = new CountingDecoderFallback();
            _text = new StreamReader(Inspector, StrictEncoding.For(source.Dialect.Encoding, Fallback), detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
            _quote = source.Dialect.Quote[0];
            _isUtf16 = source.Dialect.Encoding.Equals("utf-16le", StringComparison.OrdinalIgnoreCase);
            Parser = new CsvParser(_text, ParserConfiguration(source, parserFieldCap, OnBadData));
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    public CsvParser Parser { get; }

    public InspectingReadStream Inspector { get; }

    public CountingDecoderFallback Fallback { get; }

    public long FileBytes => _file.Length;

    /// <summary>
    /// True once the text may hold undecodable bytes or NUL characters, so cells need scanning for them: after the
    /// decoder met an invalid sequence or a NUL byte went by (always, for UTF-16, whose bytes are full of NULs).
    /// </summary>
    public bool MayHoldUndecodable => _isUtf16 || Fallback.InvalidSequences > 0 || Inspector.NulSeen;

    /// <summary>Set when the parser met a quote out of place in the current row; the caller resets it.</summary>
    public QuoteProblem QuoteProblem { get; set; }

    public static DeliveryReader Open(SourceDefinition source, string path, int parserFieldCap) => new(source, path, parserFieldCap);

    /// <summary>The parser settings shared by the check and by the bench's bare parse, so they measure the same work.</summary>
    public static CsvConfiguration ParserConfiguration(SourceDefinition source, int parserFieldCap, BadDataFound? onBadData) =>
        new(CultureInfo.InvariantCulture)
        {
            Delimiter = source.Dialect.Delimiter,
            Quote = source.Dialect.Quote[0],
            Escape = source.Dialect.Quote[0],
            HasHeaderRecord = false,
            IgnoreBlankLines = false,
            DetectColumnCountChanges = false,
            Mode = CsvMode.RFC4180,
            MaxFieldSize = parserFieldCap,
            BadDataFound = onBadData,
            BufferSize = 1 << 16,
        };

    public void Dispose()
    {
        Parser.Dispose();
        _text.Dispose();
        _file.Dispose();
    }

    private void OnBadData(BadDataFoundArgs args)
    {
        var field = args.Field.AsSpan();
        var unclosed = field.Length > 0 && field[0] == _quote && field.Count(_quote) % 2 == 1;
        QuoteProblem = unclosed ? QuoteProblem.Unclosed : QuoteProblem.Stray;
    }
}

internal enum QuoteProblem
{
    None,

    /// <summary>A quote inside an unquoted field, or text after a closing quote.</summary>
    Stray,

    /// <summary>A quoted field that the file never closes.</summary>
    Unclosed,
}
