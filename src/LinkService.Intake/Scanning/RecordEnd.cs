using LinkService.Configuration.Sources;

namespace LinkService.Intake.Scanning;

/// <summary>
/// Whether a file's bytes end where a record ends: after a line end, outside any quoted field. An upload that stalls
/// mid-record leaves one or the other; one that stalls at a row boundary is the writer signal's to see. Fed as the file
/// is copied. Quotes are followed as the CSV reader follows them: a quote opens a field only at the field's start
/// (a stray one inside an unquoted field, an inch mark, opens nothing), and a doubled quote inside stays inside.
/// </summary>
internal sealed class RecordEnd
{
    private readonly byte _quote;
    private readonly byte? _delimiter;
    private readonly int _unit;
    private State _state = State.Outside;
    private long _length;
    private byte _last = (byte)'\n';
    private byte _beforeLast;

    private RecordEnd(byte quote, byte? delimiter, int unit)
    {
        _quote = quote;
        _delimiter = delimiter;
        _unit = unit;
    }

    private enum State
    {
        Outside,
        Inside,

        /// <summary>Inside, and the last byte seen was a quote: it closes the field unless the next byte is a quote too.</summary>
        QuoteAtEnd,
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
        var quotes = !utf16 && source.Dialect.Quote is [var q] && q < 0x80 && source.Dialect.Delimiter is [var d] && d < 0x80;
        return new RecordEnd((byte)source.Dialect.Quote[0], quotes ? (byte)source.Dialect.Delimiter[0] : null, utf16 ? 2 : 1);
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        if (_delimiter is not null)
        {
            // Past a byte-order mark, the first byte starts a field.
            Follow(_length == 0 && bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes);
        }

        _beforeLast = bytes.Length > 1 ? bytes[^2] : _last;
        _last = bytes[^1];
        _length += bytes.Length;
    }

    /// <summary>True if the last record is cut off: no line end after it, or a quoted field left open.</summary>
    public bool IsCutOff =>
        _length > 0 && (_state == State.Inside || (_unit == 1 ? !IsLineEnd(_last) : !IsLineEnd(_beforeLast) || _last != 0));

    private static bool IsLineEnd(byte b) => b is (byte)'\n' or (byte)'\r';

    /// <summary>Jumps from quote to quote (a vectorised search), judging each by the byte before or after it.</summary>
    private void Follow(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        if (_state == State.QuoteAtEnd && !bytes.IsEmpty)
        {
            _state = bytes[0] == _quote ? State.Inside : State.Outside;
            i = bytes[0] == _quote ? 1 : 0;
        }

        while (i < bytes.Length)
        {
            var next = bytes[i..].IndexOf(_quote);
            if (next < 0)
            {
                return;
            }

            var at = i + next;
            if (_state == State.Outside)
            {
                // Only a quote that starts a field opens one.
                var before = at > 0 ? bytes[at - 1] : _last;
                _state = before == _delimiter || IsLineEnd(before) ? State.Inside : State.Outside;
                i = at + 1;
            }
            else if (at + 1 == bytes.Length)
            {
                _state = State.QuoteAtEnd;
                return;
            }
            else
            {
                // A doubled quote is a quote inside the field; a single one closes it.
                _state = bytes[at + 1] == _quote ? State.Inside : State.Outside;
                i = bytes[at + 1] == _quote ? at + 2 : at + 1;
            }
        }
    }
}
