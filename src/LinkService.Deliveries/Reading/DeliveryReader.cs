using System.Globalization;
using System.IO.Compression;
using CsvHelper;
using CsvHelper.Configuration;
using LinkService.Configuration.Sources;

namespace LinkService.Deliveries.Reading;

/// <summary>
/// The one reading of a delivery, used by validation, by linkage and by every stage after them, so that a row
/// number means the same row to all: file, optional gzip, a byte counter with the decompression limit, strict
/// decoding, the <see cref="RowLimitGuard"/>, and CsvHelper's parser in the source's dialect. Every record
/// counts, blank ones too; with a header, the first record is the header and data rows are numbered from 1.
/// Quote problems the parser meets are flagged for the current record.
/// </summary>
public sealed class DeliveryReader : IDisposable
{
    private readonly FileStream _file;
    private readonly RowLimitGuard _guard;
    private readonly CsvParser _parser;
    private readonly char _quote;
    private readonly bool _isUtf16;
    private readonly bool _hasHeader;
    private long _records;
    private long _lastLine;

    private DeliveryReader(SourceDefinition source, string path, ReadLimits limits)
    {
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            Stream raw = source.Compression == Compression.Gzip ? new GZipStream(_file, CompressionMode.Decompress) : _file;
            var limit = source.Compression == Compression.Gzip ? source.MaxDecompressedBytes : long.MaxValue;
            Inspector = new InspectingReadStream(raw, limit);
            Fallback = new CountingDecoderFallback();
            var text = new StreamReader(Inspector, StrictEncoding.For(source.Dialect.Encoding, Fallback), detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
            _guard = new RowLimitGuard(text, limits.RecordCapChars);
            _quote = source.Dialect.Quote[0];
            _isUtf16 = source.Dialect.Encoding.Equals("utf-16le", StringComparison.OrdinalIgnoreCase);
            _hasHeader = source.Dialect.Header;
            _parser = new CsvParser(_guard, ParserConfiguration(source, limits.FieldCapChars, OnBadData));
            _guard.Attach(_parser);

            // Until the header is read the expected width is the schema's, with room for columns it may ignore.
            _guard.FieldLimit = ReadLimits.FieldLimitFor(2 * source.SchemaOrThrow.Fields.Count);
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    public InspectingReadStream Inspector { get; }

    public CountingDecoderFallback Fallback { get; }

    public long FileBytes => _file.Length;

    /// <summary>Whether the current record is the header (the first record, when the source has one).</summary>
    public bool OnHeader => _hasHeader && _records == 1;

    /// <summary>The current data row's number: 1 for the first record after the header (or the first record without one).</summary>
    public long Row => _hasHeader ? _records - 1 : _records;

    /// <summary>The line the current record starts on (a record may span lines: quoted line breaks).</summary>
    public long Line { get; private set; }

    /// <summary>The last line the parser has read, that of the current record's end.</summary>
    public long LastLine => _lastLine;

    /// <summary>The current record's cell count.</summary>
    public int Count => _parser.Count;

    /// <summary>The current record's text as it stands in the file.</summary>
    public string RawRecord => _parser.RawRecord;

    /// <summary>The most cells a record may have; reading stops with <see cref="RowTooLargeException"/> past it.</summary>
    public int FieldLimit => _guard.FieldLimit;

    /// <summary>
    /// True once the text may hold undecodable bytes or NUL characters, so cells need scanning for them: after the
    /// decoder met an invalid sequence or a NUL byte went by (always, for UTF-16, whose bytes are full of NULs).
    /// </summary>
    public bool MayHoldUndecodable => _isUtf16 || Fallback.InvalidSequences > 0 || Inspector.NulSeen;

    /// <summary>Set when the parser met a quote out of place in the current record; known once its cells are taken. The caller resets it.</summary>
    public QuoteProblem QuoteProblem { get; set; }

    /// <summary>Cell <paramref name="index"/> of the current record.</summary>
    public string this[int index] => _parser[index];

    public static DeliveryReader Open(SourceDefinition source, string path, ReadLimits limits) => new(source, path, limits);

    /// <summary>The parser settings of every reading, and of the validation bench's bare parse, so it measures the same work.</summary>
    public static CsvConfiguration ParserConfiguration(SourceDefinition source, int fieldCapChars, BadDataFound? onBadData) =>
        new(CultureInfo.InvariantCulture)
        {
            Delimiter = source.Dialect.Delimiter,
            Quote = source.Dialect.Quote[0],
            Escape = source.Dialect.Quote[0],
            HasHeaderRecord = false,

            // A blank line is a row: it has a number like any other (and is an error), so row numbers never shift.
            IgnoreBlankLines = false,
            DetectColumnCountChanges = false,
            Mode = CsvMode.RFC4180,
            MaxFieldSize = fieldCapChars,
            BadDataFound = onBadData,
            BufferSize = 1 << 16,
        };

    /// <summary>
    /// Moves to the next record. A record with more cells than <see cref="FieldLimit"/> stops reading with
    /// <see cref="RowTooLargeException"/> before any of its cells is taken.
    /// </summary>
    public bool Read()
    {
        if (!_parser.Read())
        {
            return false;
        }

        _records++;
        Line = _lastLine + 1;
        _lastLine = _parser.RawRow;
        if (_parser.Count > _guard.FieldLimit)
        {
            throw RowTooLargeException.Cells(_guard.FieldLimit);
        }

        return true;
    }

    /// <summary>Sets the cell limit for the rows that follow from the header's (or the schema's) column count.</summary>
    public void ExpectColumns(int columns) => _guard.FieldLimit = ReadLimits.FieldLimitFor(columns);

    /// <summary>The current record's cells, each taken once.</summary>
    public string[] Cells()
    {
        var cells = new string[Count];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = this[i];
        }

        return cells;
    }

    public void Dispose()
    {
        _parser.Dispose();
        _guard.Dispose();
        _file.Dispose();
    }

    private void OnBadData(BadDataFoundArgs args)
    {
        var field = args.Field.AsSpan();
        var unclosed = field.Length > 0 && field[0] == _quote && field.Count(_quote) % 2 == 1;
        QuoteProblem = unclosed ? QuoteProblem.Unclosed : QuoteProblem.Stray;
    }
}
