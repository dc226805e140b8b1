using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace LinkService.Validation.Uniqueness;

/// <summary>
/// Hashes a key with XxHash128 and keeps 96 of its bits (see <see cref="KeyEntry"/>). Two different keys share
/// them with a chance of about n²/2⁹⁷ — for ten million rows, 1 in 10¹⁵ — so equal hashes are taken as equal
/// keys, and values are never held.
/// </summary>
internal sealed class KeyHasher
{
    private char[] _buffer = new char[256];

    public static KeyEntry Hash(string value, long row)
    {
        var hash = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(value.AsSpan()));
        return new KeyEntry((ulong)(hash >> 64), (ulong)hash, row);
    }

    /// <summary>A composite key: each part with its length first, so ("ab","c") and ("a","bc") differ.</summary>
    public KeyEntry Hash(ReadOnlySpan<string> parts, long row)
    {
        var length = 0;
        foreach (var part in parts)
        {
            length += part.Length + 2;
        }

        if (_buffer.Length < length)
        {
            _buffer = new char[Math.Max(length, _buffer.Length * 2)];
        }

        var at = 0;
        foreach (var part in parts)
        {
            _buffer[at++] = (char)(part.Length >> 16);
            _buffer[at++] = (char)part.Length;
            part.CopyTo(_buffer.AsSpan(at));
            at += part.Length;
        }

        var hash = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(_buffer.AsSpan(0, at)));
        return new KeyEntry((ulong)(hash >> 64), (ulong)hash, row);
    }
}
