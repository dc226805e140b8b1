using System.IO.Compression;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using LinkService.Configuration.Sources;
using LinkService.Deliveries.Store;

namespace LinkService.Deliveries.Reading;

/// <summary>
/// The one reading of a delivery, used by validation, by linkage and by every stage after them, so that a row
/// number means the same row to all: file, optional gzip, a byte counter with the decompression limit, the
/// <see cref="DelimiterGuardStream"/>, and CsvHelper's reader in the source's dialect, decoding strictly.
/// Every record counts, blank ones too; with a header, the first record is the header and data rows are
/// numbered from 1. Quote problems the parser meets are flagged for the current record. Opened with the digest
/// intake recorded, it hashes the stored bytes as it reads them (<see cref="StoredCopyProblem"/>).
/// </summary>
public sealed class DeliveryReader : IDisposable
{
    private readonly FileStream _file;
    private readonly DelimiterGuardStream _guard;
    private readonly CsvReader _csv;
    private readonly ReadLimits _limits;
    private readonly int _maxFieldLength;
    private readonly bool _isUtf8;
    private readonly bool _isUtf16;
    private readonly bool _hasHeader;
    private readonly Dictionary<long, QuoteProblem> _malformed = [];
    private readonly DigestingReadStream? _digesting;
    private readonly StoredDigest? _digest;
    private string? _storedCopyProblem;
    private bool _storedCopyChecked;
    private bool _invalidUtf8;
    private long _records;

    private DeliveryReader(SourceDefinition source, string path, ReadLimits limits, StoredDigest? digest)
    {
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            _digest = digest;
            _digesting = digest is null ? null : new DigestingReadStream(_file);
            Stream stored = _digesting ?? (Stream)_file;
            Stream raw = source.Compression == Compression.Gzip ? new GZipStream(stored, CompressionMode.Decompress) : stored;
            var limit = source.Compression == Compression.Gzip ? source.MaxDecompressedBytes : long.MaxValue;
            Inspector = new InspectingReadStream(raw, limit);
            Fallback = new CountingDecoderFallback();
            _limits = limits;
            _maxFieldLength = source.MaxFieldLength;
            _isUtf16 = source.Dialect.Encoding.Equals("utf-16le", StringComparison.OrdinalIgnoreCase);
            _isUtf8 = source.Dialect.Encoding.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
            _hasHeader = source.Dialect.Header;
            _guard = new DelimiterGuardStream(Inspector, (byte)source.Dialect.Delimiter[0]);
            _csv = CsvReader.Create(_guard, Options(source, limits, OnMalformed, _isUtf8 ? null : StrictEncoding.For(source.Dialect.Encoding, Fallback)));

            // Until the header is read the expected width is the schema's, with room for columns it may ignore.
            ExpectColumns(2 * source.SchemaOrThrow.Fields.Count);
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
    public long Line => _csv.LineNumber;

    /// <summary>The line the current record ends on.</summary>
    public long LastLine => Line + LineBreaks(_csv.RawRecord);

    /// <summary>The current record's length in the file, in bytes as decompressed (its line break included).</summary>
    public int RecordBytes => _csv.RawRecord.Length;

    /// <summary>The current record's cell count.</summary>
    public int Count => _csv.FieldCount;

    /// <summary>The current record's text as it stands in the file (decoded).</summary>
    public string RawRecord => Encoding.UTF8.GetString(_csv.RawRecord);

    /// <summary>The most cells a record may have; reading stops with <see cref="RowTooLargeException"/> past it.</summary>
    public int FieldLimit { get; private set; }

    /// <summary>Whether any bytes so far were not valid text in the source's encoding (each decodes to <see cref="CountingDecoderFallback.Marker"/>).</summary>
    public bool HasInvalidText => _invalidUtf8 || Fallback.InvalidSequences > 0;

    /// <summary>
    /// True once the text may hold undecodable bytes or NUL characters, so cells need scanning for them: after
    /// invalid bytes or a NUL byte went by (always, for UTF-16, whose bytes are full of NULs).
    /// </summary>
    public bool MayHoldUndecodable => _isUtf16 || HasInvalidText || Inspector.NulSeen;

    /// <summary>Set when the current record has a quote out of place. The caller may reset it.</summary>
    public QuoteProblem QuoteProblem { get; set; }

    /// <summary>Cell <paramref name="index"/> of the current record.</summary>
    public string this[int index] => _csv.GetString(index);

    public static DeliveryReader Open(SourceDefinition source, string path, ReadLimits limits) => new(source, path, limits, digest: null);

    /// <summary>Opens a stored copy, hashing its bytes as they are read, to be checked against <paramref name="digest"/> by <see cref="StoredCopyProblem"/>.</summary>
    public static DeliveryReader Open(SourceDefinition source, string path, ReadLimits limits, StoredDigest digest) => new(source, path, limits, digest);

    /// <summary>The parser settings of every reading, and of the validation bench's bare parse, so it measures the same work.</summary>
    public static CsvReaderOptions Options(SourceDefinition source, ReadLimits limits, Action<CsvMalformedRecord>? onMalformed, Encoding? encoding) =>
        CsvReaderOptions.Default with
        {
            Separator = source.Dialect.Delimiter[0],
            Quote = source.Dialect.Quote[0],
            Mode = CsvMode.Rfc4180,
            HasHeader = false,

            // A blank line is a row: it has a number like any other (and is an error), so row numbers never shift.
            SkipEmptyLines = false,
            DetectSeparatorHint = false,
            TrimWhitespace = false,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = onMalformed,
            IncludeValuesInExceptions = false,
            MaxRecordSize = limits.RecordCapBytes,
            Encoding = encoding,
        };

    /// <summary>
    /// Moves to the next record. A record with more cells than <see cref="FieldLimit"/>, or longer than the
    /// record cap, stops reading with <see cref="RowTooLargeException"/> before any of its cells is taken.
    /// </summary>
    public bool Read()
    {
        bool read;
        try
        {
            read = _csv.Read();
        }
        catch (CsvFormatException ex)
        {
            // With malformed quoting recovered and any field count allowed, only a record past the cap is refused.
            throw RowTooLargeException.Text(_limits.RecordCapBytes, ex);
        }

        if (!read)
        {
            return false;
        }

        _records++;
        QuoteProblem = _malformed.Remove(_records, out var problem) ? problem : QuoteProblem.None;
        if (_csv.FieldCount > FieldLimit)
        {
            throw RowTooLargeException.Cells(FieldLimit);
        }

        if (_isUtf8 && !_invalidUtf8 && !Utf8.IsValid(_csv.RawRecord))
        {
            _invalidUtf8 = true;
        }

        return true;
    }

    /// <summary>Sets the cell limit for the rows that follow from the header's (or the schema's) column count.</summary>
    public void ExpectColumns(int columns)
    {
        FieldLimit = ReadLimits.FieldLimitFor(columns);
        _guard.Limit = FieldLimit + (long)_maxFieldLength;
    }

    /// <summary>The most characters cell <paramref name="index"/> of the current record can hold: its bytes in the file (no character takes fewer).</summary>
    public int MaxCellChars(int index) => index < _csv.FieldCount ? _csv.GetRawSpan(index).Length : 0;

    /// <summary>
    /// Cell <paramref name="index"/>'s bytes as the parser holds them, quotes and all, valid until the next <see cref="Read"/>:
    /// equal bytes are equal text, so a caller that meets the same cell again and again can know it without decoding it.
    /// One text may stand as two byte strings (quoted and not).
    /// </summary>
    public ReadOnlySpan<byte> RawCell(int index) => index < _csv.FieldCount ? _csv.GetRawSpan(index) : default;

    /// <summary>
    /// Copies cell <paramref name="index"/> into <paramref name="destination"/> (at least <see cref="MaxCellChars"/> long)
    /// and returns its length: the text <c>this[index]</c> would give, without making a string of it.
    /// </summary>
    public int CopyCell(int index, Span<char> destination) => _csv.GetChars(index, destination);

    /// <summary>
    /// Once reading has stopped (at the end or on a failure), reads what is left of the stored file and compares the
    /// whole with the digest it was opened with: what is wrong with the copy, completing "the stored copy of delivery
    /// X ...", or null when it is intact (or no digest was given).
    /// </summary>
    public string? StoredCopyProblem()
    {
        if (_digesting is not null && !_storedCopyChecked)
        {
            var (bytes, sha256) = _digesting.Finish();
            _storedCopyProblem = _digest!.ProblemWith(bytes, sha256);
            _storedCopyChecked = true;
        }

        return _storedCopyProblem;
    }

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
        _csv.Dispose();
        _guard.Dispose();
        _file.Dispose();
    }

    private static long LineBreaks(ReadOnlySpan<byte> record)
    {
        long breaks = 0;
        for (var i = record.IndexOfAny((byte)'\r', (byte)'\n'); i >= 0; i = record.IndexOfAny((byte)'\r', (byte)'\n'))
        {
            breaks++;
            var next = record[i] == '\r' && i + 1 < record.Length && record[i + 1] == '\n' ? i + 2 : i + 1;
            record = record[next..];
        }

        return breaks;
    }

    private void OnMalformed(CsvMalformedRecord record)
    {
        // The reader numbers records from 1 counting every record it returns, as this class does.
        _malformed[record.RecordNumber] = record.Reason == CsvMalformedReason.UnterminatedQuote ? QuoteProblem.Unclosed : QuoteProblem.Stray;
    }
}
