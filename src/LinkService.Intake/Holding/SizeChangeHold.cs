using System.Globalization;
using LinkService.Configuration.Sources;
using LinkService.Ledger;

namespace LinkService.Intake.Holding;

/// <summary>
/// A source's <c>sizeChange</c> rule against its previous accepted delivery: a valid delivery with far fewer (a truncated
/// extract) or far more rows (one sent twice over) is held rather than silently becoming the next run's input.
/// </summary>
internal static class SizeChangeHold
{
    /// <summary>Why the delivery is held (counts and ids only), or null when it is not: no rule, no previous count, or within the ratio.</summary>
    public static async Task<string?> ReasonAsync(ILedger ledger, SourceDefinition source, long? acceptedRows, CancellationToken cancellationToken)
    {
        if (source.SizeChange is not { } rule || acceptedRows is not { } rows)
        {
            return null;
        }

        // Called before this delivery's outcome is recorded, so the newest accepted delivery is the previous one.
        var previous = await ledger.GetAcceptedDeliveriesAsync(source.Name, 1, cancellationToken);
        if (previous.Count == 0 || previous[0].AcceptedRows is not { } before || !rule.Exceeded(rows, before))
        {
            return null;
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"{rows:N0} rows accepted, against {before:N0} in delivery {previous[0].Id}, the previous accepted one: further apart than the source's sizeChange.maxRatio of {rule.MaxRatio} allows; held for the data custodian");
    }
}
