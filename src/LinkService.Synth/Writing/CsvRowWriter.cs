using System.Buffers;
using LinkService.Configuration.Sources;

namespace LinkService.Synth.Writing;

/// <summary>
/// Builds CSV rows in a character buffer in a source's dialect, to be handed to a writer in large
/// blocks. A field is quoted only when it holds the delimiter, the quote or a line break.
/// </summary>
internal sealed class CsvRowWriter
{
    private readonly char _delimiter;
    private readonly char _quote;
    private readonly SearchValues<char> _special;
    private char[] _buffer = new char[1 << 16];
    private int _length;
    private bool _rowStarted;

    public CsvRowWriter(CsvDialect dialect)
    {
        _delimiter = dialect.Delimiter[0];
        _quote = dialect.Quote[0];
        _special = SearchValues.Create([_delimiter, _quote, '\r', '\n']);
    }

    public const string LineEnd = "\r\n";

    /// <summary>The number of characters written and not yet handed on.</summary>
    public int Length => _length;

    /// <summary>Appends a field, cut to <paramref name="maxLength"/> characters when that is positive.</summary>
    public void Field(ReadOnlySpan<char> value, int maxLength = 0)
    {
        if (maxLength > 0 && value.Length > maxLength)
        {
            value = value[..maxLength];
        }

        EnsureRoom((value.Length * 2) + 3);
        if (_rowStarted)
        {
            _buffer[_length++] = _delimiter;
        }

        _rowStarted = true;
        if (value.IndexOfAny(_special) < 0)
        {
            value.CopyTo(_buffer.AsSpan(_length));
            _length += value.Length;
            return;
        }

        _buffer[_length++] = _quote;
        foreach (var ch in value)
        {
            if (ch == _quote)
            {
                _buffer[_length++] = _quote;
            }

            _buffer[_length++] = ch;
        }

        _buffer[_length++] = _quote;
    }

    public void EndRow()
    {
        EnsureRoom(LineEnd.Length);
        LineEnd.CopyTo(_buffer.AsSpan(_length));
        _length += LineEnd.Length;
        _rowStarted = false;
    }

    /// <summary>Hands the rows written so far to <paramref name="writer"/> and starts again.</summary>
    public void WriteTo(TextWriter writer)
    {
        writer.Write(_buffer, 0, _length);
        _length = 0;
    }

    private void EnsureRoom(int needed)
    {
        if (_length + needed > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + needed));
        }
    }
}
