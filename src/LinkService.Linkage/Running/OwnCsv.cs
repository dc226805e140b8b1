using System.Globalization;
using System.Text;

namespace LinkService.Linkage.Running;

/// <summary>
/// Reads the CSV files the service writes itself (a run folder's links.csv and persons.csv, an output's record files)
/// and the files a custodian gives `evaluate` beside them (a truth file): RFC 4180 (comma, double quote, CRLF or LF), a
/// header row, UTF-8. A row's cells are lent as characters until the next read, so millions of rows cost no string
/// each. The one reader of these files, so that links.csv means the same rows and line numbers to the output stages and
/// to `evaluate`. Never used on a delivery: those are read by LinkService.Deliveries alone.
/// </summary>
/// <remarks>
/// Parsed here rather than by CsvHelper: these files are the service's own, quoted as <c>CsvText</c> quotes, and reading
/// 4M rows of links.csv through CsvHelper's general reader was two seconds of one core before anything else could start.
/// A quote left open, or text after a closing quote, fails naming the file and line, never the text.
/// </remarks>
internal sealed class OwnCsv : IDisposable
{
    private const byte Quote = (byte)'"';
    private const byte Comma = (byte)',';

    /// <summary>The longest record read: far past any line of the service's own files or of a truth file, and short of what one array holds.</summary>
    public const int MaxRecordBytes = 1 << 28;

    /// <summary>
    /// The most cells a row of a file opened ragged may have: a truth file has three to five, and a line of millions of
    /// commas took a cell array grown one at a time (and a buffer for each cell) until the command never ended.
    /// </summary>
    public const int MaxRaggedFields = 1024;

    private readonly Stream _stream;
    private readonly string _name;
    private readonly bool _ragged;
    private readonly int _maxRecordBytes;
    private char[][] _cells;
    private int[] _lengths;
    private byte[] _bytes;
    private byte[] _unquoted = new byte[256];
    private int _start;
    private int _end;
    private bool _finished;
    private long _nextLine = 1;

    internal OwnCsv(string path, int? columns, int blockBytes = 1 << 20, bool ragged = false, int maxRecordBytes = MaxRecordBytes)
    {
        _ragged = ragged;
        _maxRecordBytes = maxRecordBytes;

        // The service's own files (all but a person's truth file) are read only where it wrote them.
        if (!ragged && new FileInfo(path).LinkTarget is not null)
        {
            throw new InvalidDataException($"'{path}' is a symbolic link: the service reads its own files where it wrote them, never through a link.");
        }

        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        _name = Path.GetFileName(path);
        _bytes = new byte[blockBytes];
        try
        {
            var header = new List<string>();
            if (NextRecord(header))
            {
                header[0] = header[0].TrimStart('\uFEFF');
            }

            Header = columns is null ? header : [];
            FieldCount = columns ?? Header.Count;
            _cells = [.. Enumerable.Range(0, columns ?? Header.Count).Select(_ => new char[64])];
            _lengths = new int[_cells.Length];
        }
        catch
        {
            _stream.Dispose();
            throw;
        }
    }

    /// <summary>The header's names, when opened by <see cref="OpenWithHeader"/>.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The line the current row starts on, the header being line 1.</summary>
    public long Line { get; private set; } = 1;

    /// <summary>The current row's cells: the width the file was opened with, or, opened by <see cref="OpenRagged"/>, the row's own.</summary>
    public int FieldCount { get; private set; }

    /// <summary>Cell <paramref name="column"/> of the current row, valid until the next <see cref="Read"/>.</summary>
    public ReadOnlySpan<char> this[int column] => _cells[column].AsSpan(0, _lengths[column]);

    /// <summary>Opens a file whose rows have <paramref name="columns"/> cells each; its header is skipped.</summary>
    public static OwnCsv Open(string path, int columns) => new(path, columns);

    /// <summary>Opens a file and reads its header; each row has a cell per name in it.</summary>
    public static OwnCsv OpenWithHeader(string path) => new(path, null);

    /// <summary>
    /// Opens a file a person wrote (a truth file): its header read (<see cref="Header"/>), each row with as many cells
    /// as it has (<see cref="FieldCount"/>), and blank lines skipped.
    /// </summary>
    public static OwnCsv OpenRagged(string path) => new(path, null, ragged: true);

    /// <summary>Moves to the next row; a row with another number of cells fails the reading, unless it was opened ragged.</summary>
    public bool Read(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        while (NextRecord(null))
        {
            if (!_ragged || FieldCount > 1 || _lengths[0] > 0)
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>Parses the next record into the cells (or, for the header, into <paramref name="names"/>); false at the end of the file.</summary>
    private bool NextRecord(List<string>? names)
    {
        if (_start == _end && !Fill())
        {
            return false;
        }

        Line = _nextLine;
        var field = 0;
        while (true)
        {
            if (_ragged && field == MaxRaggedFields)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{_name}: line {Line} has more than {MaxRaggedFields} fields"));
            }

            var content = NextField();
            if (names is not null)
            {
                names.Add(Encoding.UTF8.GetString(content));
            }
            else if (field < _cells.Length || (_ragged && Grow()))
            {
                if (_cells[field].Length < content.Length)
                {
                    _cells[field] = new char[Math.Max(content.Length, 2 * _cells[field].Length)];
                }

                _lengths[field] = Encoding.UTF8.GetChars(content, _cells[field]);
            }

            // The separator is taken only now: reading on past it may move the bytes the content was in.
            field++;
            if (Separator())
            {
                break;
            }
        }

        if (names is null && _ragged)
        {
            FieldCount = field;
        }
        else if (names is null && field != _cells.Length)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{_name}: line {Line} has {field} fields, not {_cells.Length}"));
        }

        return true;
    }

    /// <summary>Room for one more cell in a ragged row.</summary>
    private bool Grow()
    {
        Array.Resize(ref _cells, _cells.Length + 1);
        Array.Resize(ref _lengths, _lengths.Length + 1);
        _cells[^1] = new char[64];
        return true;
    }

    /// <summary>The next field's bytes, unquoted, up to the comma or line break after it (valid until the buffer is read on).</summary>
    private ReadOnlySpan<byte> NextField()
    {
        if (_start < _end || Fill())
        {
            if (_bytes[_start] == Quote)
            {
                return QuotedField();
            }
        }

        // Unquoted: up to the next comma or line break, which must all be in the buffer.
        while (true)
        {
            var rest = _bytes.AsSpan(_start, _end - _start);
            var at = rest.IndexOfAny(Comma, (byte)'\n', (byte)'\r');
            if (at < 0 && !_finished)
            {
                Fill(keepFrom: _start);
                continue;
            }

            var content = at < 0 ? rest : rest[..at];
            _start += content.Length;
            return content;
        }
    }

    private ReadOnlySpan<byte> QuotedField()
    {
        var length = 0;
        var from = _start + 1;
        while (true)
        {
            var rest = _bytes.AsSpan(from, _end - from);
            var at = rest.IndexOf(Quote);
            if (at < 0 || at + 1 == rest.Length && !_finished)
            {
                // The closing quote, or what follows a quote, is past the buffer: take what is here and read on.
                var take = at < 0 ? rest.Length : at;
                Append(rest[..take], ref length);
                _nextLine += rest[..take].Count((byte)'\n');
                if (_finished && at < 0)
                {
                    throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{_name}: line {Line} has a quoted field that is never closed"));
                }

                Fill(keepFrom: from + take);
                from = _start;
                continue;
            }

            Append(rest[..at], ref length);
            _nextLine += rest[..at].Count((byte)'\n');
            if (at + 1 < rest.Length && rest[at + 1] == Quote)
            {
                // A doubled quote is one quote of the text.
                Append(rest.Slice(at, 1), ref length);
                from += at + 2;
                continue;
            }

            _start = from + at + 1;
            if (_start < _end && _bytes[_start] is not (Comma or (byte)'\n' or (byte)'\r'))
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{_name}: line {Line} has text after a quoted field's closing quote"));
            }

            return _unquoted.AsSpan(0, length);
        }
    }

    private void Append(ReadOnlySpan<byte> part, ref int length)
    {
        // A quoted field is gathered here, not in the buffer, so the buffer's cap never saw it: a quote opened at the
        // start of a file of gigabytes grew this until no array could hold it.
        if (part.Length > _maxRecordBytes - length)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{_name}: line {Line} is longer than {_maxRecordBytes} bytes"));
        }

        if (_unquoted.Length < length + part.Length)
        {
            Array.Resize(ref _unquoted, Math.Max(length + part.Length, 2 * _unquoted.Length));
        }

        part.CopyTo(_unquoted.AsSpan(length));
        length += part.Length;
    }

    /// <summary>Takes the comma or line break after a field; true when the record ended.</summary>
    private bool Separator()
    {
        if (_start == _end && !Fill())
        {
            return true;
        }

        var next = _bytes[_start++];
        if (next == Comma)
        {
            return false;
        }

        // CR LF, LF or a lone CR end a line.
        if (next == '\r' && (_start < _end || Fill()) && _start < _end && _bytes[_start] == '\n')
        {
            _start++;
        }

        _nextLine++;
        return true;
    }

    /// <summary>Reads on, keeping the bytes from <paramref name="keepFrom"/> (moved to the start); false when nothing more was read.</summary>
    private bool Fill(int? keepFrom = null)
    {
        var keep = keepFrom ?? _end;
        var kept = _end - keep;
        if (kept == _bytes.Length)
        {
            if (kept >= _maxRecordBytes)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{_name}: line {Line} is longer than {_maxRecordBytes} bytes"));
            }

            Array.Resize(ref _bytes, Math.Min(2 * _bytes.Length, _maxRecordBytes));
        }

        _bytes.AsSpan(keep, kept).CopyTo(_bytes);
        (_start, _end) = (_start - keep, kept);
        if (_start < 0)
        {
            _start = 0;
        }

        var read = _finished ? 0 : _stream.Read(_bytes, _end, _bytes.Length - _end);
        _finished = read == 0;
        _end += read;
        return read > 0;
    }
}
