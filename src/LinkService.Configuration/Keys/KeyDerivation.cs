using System.Security.Cryptography;
using System.Text;

namespace LinkService.Configuration.Keys;

/// <summary>
/// Every key the service uses is derived from the one master key (HKDF-SHA256, no salt: the master key is
/// already uniformly random), each under an info string of its own, so that a key for one purpose says
/// nothing about a key for another. Project pseudonym keys will take the project name as info.
/// </summary>
public static class KeyDerivation
{
    /// <summary>The info string of the key that MACs the ledger's audit chain.</summary>
    public const string AuditChain = "linkservice/audit-chain";

    public const int KeyLength = 32;

    public static byte[] Derive(ReadOnlySpan<byte> masterKey, string info)
    {
        var key = new byte[KeyLength];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, key, salt: [], Encoding.UTF8.GetBytes(info));
        return key;
    }
}
