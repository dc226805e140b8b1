using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LinkService.Ledger.Audit;

/// <summary>How an audit row's hash is computed: SHA-256 over its fields and the previous row's hash.</summary>
internal static class AuditChain
{
    /// <summary>The "previous hash" of the first row.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string HashOf(long sequence, string at, string entity, string entityId, string action, string detail, string previousHash)
    {
        // Length-prefixed fields, so that moving text from one field to the next changes the hash.
        var builder = new StringBuilder();
        foreach (var field in new[] { sequence.ToString(CultureInfo.InvariantCulture), at, entity, entityId, action, detail, previousHash })
        {
            builder.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }
}
