using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace LinkService.Outputs.Pseudonyms;

/// <summary>
/// Person and record pseudonyms under a project's key: HMAC-SHA256 over a labelled, length-prefixed message, its
/// first 80 bits in 16 Crockford base-32 characters behind a prefix (<c>P-</c> person, <c>R-</c> record).
/// Without the key nobody can recompute or test a guess; another project's key gives unrelated pseudonyms.
/// </summary>
/// <remarks>
/// Why 80 bits: among n pseudonyms the chance that any two collide is about n² / 2^81. At 20 million records that is
/// 4·10^14 / 2.4·10^24 ≈ 2·10^-10; a collision among person pseudonyms is also detected (see <see cref="Persons.CarryForward"/>).
/// Sixteen characters stay short enough to type; 64 bits (13 characters) would already give 1 in 10^5 at that size.
/// </remarks>
internal sealed class Pseudonymiser(ReadOnlyMemory<byte> key)
{
    public const int Characters = 16;
    public const string PersonPrefix = "P-";
    public const string RecordPrefix = "R-";

    /// <summary>The record's pseudonym: the same record key of the same source always gets the same one.</summary>
    public string Record(string source, string recordKey) => Make(RecordPrefix, "record", source, recordKey, 0);

    /// <summary>
    /// A new person's pseudonym, from the record that seeds it (the smallest record key of their cluster), and the
    /// attempt number, raised only when an earlier attempt is already some other person's.
    /// </summary>
    public string Person(string source, string recordKey, int attempt) => Make(PersonPrefix, "person", source, recordKey, attempt);

    private string Make(string prefix, string label, string source, string recordKey, int attempt)
    {
        var message = new List<byte>(64);
        Append(message, label);
        Append(message, source);
        Append(message, recordKey);
        Span<byte> counter = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(counter, attempt);
        message.AddRange(counter.ToArray());
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key.Span, message.ToArray(), mac);
        return prefix + Crockford.Encode(mac[..10], Characters);
    }

    private static void Append(List<byte> message, string part)
    {
        var bytes = Encoding.UTF8.GetBytes(part);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        message.AddRange(length.ToArray());
        message.AddRange(bytes);
    }
}
