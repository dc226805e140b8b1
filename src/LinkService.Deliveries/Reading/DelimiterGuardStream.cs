using System.Globalization;

namespace LinkService.Deliveries.Reading;

/// <summary>
/// Counts the delimiter bytes since the last line break as the parser takes the text, and stops reading when a
/// line holds more than <see cref="Limit"/>: a record of millions of empty fields is refused within one buffer
/// of passing the limit, before the parser indexes its fields. It does not know quotes, so delimiters inside a
/// quoted field count too (and a quoted line break resets the count): the limit leaves room for a field of
/// delimiters as long as the source's longest field. A vectorised count over each buffer: nearly free.
/// </summary>
internal sealed class DelimiterGuardStream(Stream inner, byte delimiter) : ReadOnlyWrapperStream(inner)
{
    private long _sinceLineBreak;

    /// <summary>The most delimiter bytes a line may hold.</summary>
    public long Limit { get; set; } = long.MaxValue;

    public override int Read(Span<byte> buffer)
    {
        var n = Inner.Read(buffer);
        var read = buffer[..n];

        // Usually the whole buffer holds fewer delimiters than a line may: no line in it can hold too many.
        if (_sinceLineBreak + read.Count(delimiter) > Limit)
        {
            CheckEachLine(read);
        }

        var lastBreak = read.LastIndexOfAny((byte)'\n', (byte)'\r');
        _sinceLineBreak = lastBreak >= 0 ? read[(lastBreak + 1)..].Count(delimiter) : _sinceLineBreak + read.Count(delimiter);
        return n;
    }

    private void CheckEachLine(ReadOnlySpan<byte> read)
    {
        var carry = _sinceLineBreak;
        while (true)
        {
            var lineBreak = read.IndexOfAny((byte)'\n', (byte)'\r');
            var line = lineBreak < 0 ? read : read[..lineBreak];
            if (carry + line.Count(delimiter) > Limit)
            {
                throw new RowTooLargeException(string.Create(CultureInfo.InvariantCulture, $"a line holds more than {Limit:N0} delimiters")) { TooManyCells = true };
            }

            if (lineBreak < 0)
            {
                return;
            }

            carry = 0;
            read = read[(lineBreak + 1)..];
        }
    }
}
