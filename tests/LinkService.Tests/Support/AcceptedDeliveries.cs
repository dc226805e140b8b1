using LinkService.Ledger;
using LinkService.Ledger.Deliveries;

namespace LinkService.Tests.Support;

/// <summary>Records a stored file as an accepted, settled delivery, as intake would after validating it.</summary>
internal static class AcceptedDeliveries
{
    public static async Task<Delivery> RecordAsync(ILedger ledger, string source, string storedPath, CancellationToken cancellationToken)
    {
        var received = await ledger.RecordReceivedAsync(new NewDelivery(source, Path.GetFileName(storedPath), 1, DateTimeOffset.UnixEpoch), cancellationToken);
        await ledger.MarkStoredAsync(received.Id, new StoredFile(storedPath, new string('0', 64), 1), cancellationToken);
        await ledger.RecordOutcomeAsync(received.Id, new DeliveryOutcome { State = DeliveryState.Accepted }, cancellationToken);
        return await ledger.MarkSettledAsync(received.Id, cancellationToken);
    }
}
