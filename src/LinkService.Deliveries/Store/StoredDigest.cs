using System.Security.Cryptography;

namespace LinkService.Deliveries.Store;

/// <summary>
/// The size and SHA-256 intake recorded for a delivery's stored copy (null when none was: no copy matches). A copy whose bytes no longer have them was
/// altered in the store: it must not be linked as if the department had sent it.
/// </summary>
public sealed record StoredDigest(long? Bytes, string? Sha256)
{
    /// <summary>Completes "the stored copy of delivery X ..." for a copy that is not where the store keeps it.</summary>
    public const string Missing = "is missing from the store";

    /// <summary>What is wrong with a copy of <paramref name="bytes"/> bytes hashing to <paramref name="sha256"/>, completing "the stored copy of delivery X ..."; null when it is intact.</summary>
    public string? ProblemWith(long bytes, ReadOnlySpan<byte> sha256)
    {
        if (bytes != Bytes)
        {
            return "does not have the size recorded when it was taken: it was altered in the store";
        }

        return Convert.ToHexStringLower(sha256) == Sha256
            ? null
            : "does not match the SHA-256 recorded when it was taken: it was altered in the store";
    }

    /// <summary>A fresh hash of the kind the digest records.</summary>
    public static IncrementalHash NewHash() => IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
}
