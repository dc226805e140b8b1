using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace LinkService.Outputs.Pseudonyms;

/// <summary>
/// The HMAC behind <see cref="Pseudonymiser"/>, keyed once: the message is the label, the source and the record key,
/// each as its UTF-8 bytes behind their count (32 bits, big-endian), then the attempt (32 bits, big-endian). The value
/// is the MAC's first 80 bits, as a number (big-endian). Not thread-safe: one per thread.
/// </summary>
/// <remarks>
/// One at a time (<see cref="Record"/>, <see cref="Person"/>) a MAC is OpenSSL's; queued (<see cref="Queue"/>), short
/// messages wait for seven others and are computed together (<see cref="HmacLanes"/>), to the same values.
/// </remarks>
internal sealed class PseudonymHasher : IDisposable
{
    private const int Block = 64;

    private readonly HMACSHA256 _hmac;
    private readonly HmacLanes? _lanes;
    private readonly byte[] _blocks = new byte[HmacLanes.Lanes * Block];
    private readonly int[] _lengths = new int[HmacLanes.Lanes];
    private readonly int[] _indices = new int[HmacLanes.Lanes];
    private readonly UInt128[] _values = new UInt128[HmacLanes.Lanes];
    private byte[] _message = new byte[256];
    private int _queued;

    public PseudonymHasher(ReadOnlySpan<byte> key)
    {
        var copy = key.ToArray();
        try
        {
            _hmac = new HMACSHA256(copy);
            _lanes = HmacLanes.IsFast ? new HmacLanes(copy) : null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(copy);
        }
    }

    public UInt128 Record(ReadOnlySpan<char> source, ReadOnlySpan<char> recordKey) => Value(Build(RecordLabel, source, recordKey, 0));

    public UInt128 Person(ReadOnlySpan<char> source, ReadOnlySpan<char> recordKey, int attempt) => Value(Build(PersonLabel, source, recordKey, attempt));

    public static ReadOnlySpan<byte> RecordLabel => "record"u8;

    public static ReadOnlySpan<byte> PersonLabel => "person"u8;

    /// <summary>
    /// The value of the message (<paramref name="label"/>, <paramref name="source"/>, <paramref name="recordKey"/>,
    /// <paramref name="attempt"/>) into <paramref name="values"/>[<paramref name="index"/>]: at once, or by the
    /// <see cref="Flush"/> at the latest.
    /// </summary>
    public void Queue(ReadOnlySpan<byte> label, ReadOnlySpan<char> source, ReadOnlySpan<char> recordKey, int attempt, int index, UInt128[] values)
    {
        var length = Build(label, source, recordKey, attempt);
        if (_lanes is null || length > HmacLanes.MaxMessage)
        {
            values[index] = Value(length);
            return;
        }

        _message.AsSpan(0, length).CopyTo(_blocks.AsSpan(_queued * Block));
        _lengths[_queued] = length;
        _indices[_queued++] = index;
        if (_queued == HmacLanes.Lanes)
        {
            Flush(values);
        }
    }

    /// <summary>Computes the values still queued, into <paramref name="values"/>.</summary>
    public void Flush(UInt128[] values)
    {
        if (_queued == 0)
        {
            return;
        }

        // Lanes nobody queued hash an empty message; their values are not kept.
        _lengths.AsSpan(_queued).Clear();
        _lanes!.Compute(_blocks, _lengths, _values);
        for (var lane = 0; lane < _queued; lane++)
        {
            values[_indices[lane]] = _values[lane];
        }

        _queued = 0;
    }

    public void Dispose() => _hmac.Dispose();

    /// <summary>Builds the message in the reused buffer; returns its length.</summary>
    private int Build(ReadOnlySpan<byte> label, ReadOnlySpan<char> source, ReadOnlySpan<char> recordKey, int attempt)
    {
        var most = 16 + label.Length + Encoding.UTF8.GetMaxByteCount(source.Length) + Encoding.UTF8.GetMaxByteCount(recordKey.Length);
        if (_message.Length < most)
        {
            _message = new byte[most];
        }

        var message = _message.AsSpan();
        var length = Append(message, 0, label);
        length = Append(message, length, source);
        length = Append(message, length, recordKey);
        BinaryPrimitives.WriteInt32BigEndian(message[length..], attempt);
        return length + 4;
    }

    private UInt128 Value(int length)
    {
        Span<byte> mac = stackalloc byte[32];
        _hmac.TryComputeHash(_message.AsSpan(0, length), mac, out _);
        return ((UInt128)BinaryPrimitives.ReadUInt64BigEndian(mac) << 16) | BinaryPrimitives.ReadUInt16BigEndian(mac[8..]);
    }

    private static int Append(Span<byte> message, int at, ReadOnlySpan<byte> part)
    {
        BinaryPrimitives.WriteInt32BigEndian(message[at..], part.Length);
        part.CopyTo(message[(at + 4)..]);
        return at + 4 + part.Length;
    }

    private static int Append(Span<byte> message, int at, ReadOnlySpan<char> part)
    {
        // Keys are mostly ASCII, whose UTF-8 is one byte a character; anything else takes the encoder.
        if (Ascii.FromUtf16(part, message[(at + 4)..], out var bytes) != OperationStatus.Done)
        {
            bytes = Encoding.UTF8.GetBytes(part, message[(at + 4)..]);
        }

        BinaryPrimitives.WriteInt32BigEndian(message[at..], bytes);
        return at + 4 + bytes;
    }
}
