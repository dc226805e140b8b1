using System.Text;

namespace LinkService.Linkage.Running;

/// <summary>
/// The lines of a CSV file the service writes, built as characters in one buffer and written as UTF-8 (no byte order
/// mark) a block at a time: millions of rows cost no string per cell and no writer call per comma. A piece is never
/// split between two blocks, so a character outside the BMP stays whole.
/// </summary>
internal sealed class CsvLines(Stream stream, bool leaveOpen = false) : IAsyncDisposable, IDisposable
{
    private const int Block = 1 << 16;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private char[] _chars = new char[Block];
    private byte[] _bytes = new byte[Utf8.GetMaxByteCount(Block)];
    private int _used;

    /// <summary>Room for <paramref name="length"/> characters, to be taken by <see cref="Advance"/>.</summary>
    public Span<char> Room(int length)
    {
        if (_used + length > _chars.Length)
        {
            Flush();
            if (length > _chars.Length)
            {
                _chars = new char[length];
                _bytes = new byte[Utf8.GetMaxByteCount(length)];
            }
        }

        return _chars.AsSpan(_used, length);
    }

    public void Advance(int length) => _used += length;

    public void Append(ReadOnlySpan<char> text)
    {
        text.CopyTo(Room(text.Length));
        _used += text.Length;
    }

    /// <summary>Appends <paramref name="value"/> as one field, quoted where <see cref="CsvText"/> quotes it.</summary>
    public void AppendField(ReadOnlySpan<char> value)
    {
        if (CsvText.NeedsQuotes(value))
        {
            Append(CsvText.Field(value));
        }
        else
        {
            Append(value);
        }
    }

    public void Append(char c)
    {
        Room(1)[0] = c;
        _used++;
    }

    public void Dispose()
    {
        Flush();
        if (!leaveOpen)
        {
            stream.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Flush();
        if (!leaveOpen)
        {
            await stream.DisposeAsync();
        }
    }

    private void Flush()
    {
        var bytes = Utf8.GetBytes(_chars, 0, _used, _bytes, 0);
        stream.Write(_bytes, 0, bytes);
        _used = 0;
    }
}
