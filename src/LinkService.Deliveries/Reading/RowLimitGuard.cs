using CsvHelper;

namespace LinkService.Deliveries.Reading;

/// <summary>
/// Sits between the decoded text and CsvHelper's parser. CsvHelper caps a field's length but not a record's
/// field count, and holds a whole record in memory; the parser asks for more text whenever its record runs
/// past what it has, so here, at every such request, the record so far is measured: its cells (the parser's
/// count of fields taken so far) and the parser's buffer. Each request hands out at most
/// <see cref="ChunkChars"/>, so a record is stopped within that many characters of passing a limit.
/// </summary>
internal sealed class RowLimitGuard : TextReader
{
    private const int ChunkChars = 1 << 16;
    private readonly TextReader _inner;
    private readonly long _recordCapChars;
    private CsvParser? _parser;

    public RowLimitGuard(TextReader inner, long recordCapChars)
    {
        _inner = inner;
        _recordCapChars = recordCapChars;
    }

    /// <summary>The most cells a record may have; set once the expected column count is known.</summary>
    public int FieldLimit { get; set; } = int.MaxValue;

    public void Attach(CsvParser parser) => _parser = parser;

    public override int Read(char[] buffer, int index, int count)
    {
        Check(buffer.Length);
        return _inner.Read(buffer, index, Math.Min(count, ChunkChars));
    }

    public override int Read(Span<char> buffer)
    {
        Check(0);
        return _inner.Read(buffer.Length > ChunkChars ? buffer[..ChunkChars] : buffer);
    }

    public override int Peek() => _inner.Peek();

    public override int Read() => _inner.Read();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Check(int bufferChars)
    {
        // The parser's Count is the number of fields of the record being read, complete so far.
        if (_parser is { } parser && parser.Count > FieldLimit)
        {
            throw RowTooLargeException.Cells(FieldLimit);
        }

        if (bufferChars > _recordCapChars)
        {
            throw RowTooLargeException.Text(_recordCapChars);
        }
    }
}
