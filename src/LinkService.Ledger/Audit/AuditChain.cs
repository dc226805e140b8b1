using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LinkService.Ledger.Audit;

/// <summary>
/// How an audit row's MAC is computed and checked: HMAC-SHA256 under the <see cref="AuditKey"/> over the row's
/// fields and the previous row's MAC. Any provider's rows are checked by these rules, not by its own.
/// </summary>
internal static class AuditChain
{
    /// <summary>The "previous MAC" of the first row.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string MacOf(AuditKey key, long sequence, string at, string entity, string entityId, string action, string detail, string previousMac)
    {
        // Length-prefixed fields, so that moving text from one field to the next changes the MAC.
        var builder = new StringBuilder();
        foreach (var field in new[] { sequence.ToString(CultureInfo.InvariantCulture), at, entity, entityId, action, detail, previousMac })
        {
            builder.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return key.Mac(Encoding.UTF8.GetBytes(builder.ToString()));
    }

    public static string MacOf(AuditKey key, AuditRow row) =>
        MacOf(key, row.Sequence, row.At, row.Entity, row.EntityId, row.Action, row.Detail, row.PreviousMac);

    /// <summary>Why <paramref name="row"/> cannot follow the row before it in the chain, or null if it can.</summary>
    public static string? Check(AuditKey key, AuditRow row, long expectedSequence, string expectedPrevious)
    {
        if (row.Sequence != expectedSequence)
        {
            return $"row {expectedSequence} is missing";
        }

        if (row.PreviousMac != expectedPrevious)
        {
            return "its link to the previous row does not match that row's MAC";
        }

        var expected = Encoding.ASCII.GetBytes(MacOf(key, row));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(row.Mac))
            ? null
            : "its MAC is not one LinkService wrote (the row was forged or altered)";
    }
}
