using System.Security.Cryptography;
using LinkService.Configuration.Keys;

namespace LinkService.Ledger.Audit;

/// <summary>
/// The key that MACs the audit chain, derived from the master key. Without it no one can write a row the
/// chain accepts, so rows forged or rewritten by someone who can write the database file are found.
/// </summary>
public sealed class AuditKey
{
    private readonly byte[] _key;

    public AuditKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeyDerivation.KeyLength)
        {
            throw new ArgumentException($"An audit key is {KeyDerivation.KeyLength} bytes.", nameof(key));
        }

        _key = key.ToArray();
    }

    public static AuditKey FromMasterKey(ReadOnlySpan<byte> masterKey) => new(KeyDerivation.Derive(masterKey, KeyDerivation.AuditChain));

    /// <summary>The key of the master key file at <paramref name="masterKeyFile"/>; throws <see cref="MasterKeyUnavailableException"/> if it cannot be used.</summary>
    public static AuditKey FromMasterKeyFile(string masterKeyFile) => FromMasterKey(MasterKeyFile.Read(masterKeyFile));

    internal string Mac(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, data));
}
