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
internal sealed class PseudonymHasher : IDisposable
{
    private readonly HMACSHA256 _hmac;
    private byte[] _message = new byte[256];

    public PseudonymHasher(ReadOnlySpan<byte> key)
    {
        var copy = key.ToArray();
        try
        {
            _hmac = new HMACSHA256(copy);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(copy);
        }
    }

    public UInt128 Record(ReadOnlySpan<char> source, ReadOnlySpan<char> recordKey) => Value("record"u8, source, recordKey, 0);

    public UInt128 Person(ReadOnlySpan<char> source, ReadOnlySpan<char> recordKey, int attempt) => Value("person"u8, source, recordKey, attempt);

    public void Dispose() => _hmac.Dispose();

    private UInt128 Value(ReadOnlySpan<byte> label, ReadOnlySpan<char> source, ReadOnlySpan<char> recordKey, int attempt)
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
        Span<byte> mac = stackalloc byte[32];
        _hmac.TryComputeHash(message[..(length + 4)], mac, out _);
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
