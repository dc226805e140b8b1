using System.Security.Cryptography;
using System.Text;
using LinkService.Configuration.Keys;

namespace LinkService.Configuration.Tests.Keys;

public sealed class KeyDerivationTests
{
    private static readonly byte[] Master = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void Derive_IsHkdfSha256WithNoSaltAndTheInfoString()
    {
        // RFC 5869 by hand: PRK = HMAC(zero salt, master); the first block T(1) = HMAC(PRK, info || 0x01) is the 32-byte key.
        var prk = HMACSHA256.HashData(new byte[32], Master);
        var expected = HMACSHA256.HashData(prk, Encoding.UTF8.GetBytes(KeyDerivation.AuditChain + "\u0001"));

        Assert.Equal(expected, KeyDerivation.Derive(Master, KeyDerivation.AuditChain));
    }

    [Fact]
    public void Derive_TwoInfoStrings_GiveUnrelatedKeys()
    {
        Assert.NotEqual(KeyDerivation.Derive(Master, KeyDerivation.AuditChain), KeyDerivation.Derive(Master, "reoffending-benefits"));
        Assert.Equal(KeyDerivation.Derive(Master, "reoffending-benefits"), KeyDerivation.Derive(Master, "reoffending-benefits"));
    }
}
