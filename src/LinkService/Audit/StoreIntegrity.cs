using LinkService.Configuration.Folders;
using LinkService.Ledger;
using LinkService.Ledger.Deliveries;
using LinkService.Linking;

namespace LinkService.Audit;

/// <summary>Every stored copy against the digest the ledger recorded for it: what it found, delivery by delivery.</summary>
internal sealed record StoreVerification(int CopiesChecked, IReadOnlyList<string> Problems)
{
    public bool IsIntact => Problems.Count == 0;
}

/// <summary>
/// Whether the store holds what the ledger says it does: each stored or accepted delivery's copy, hashed in
/// full. Checked by <c>status</c> and, in the background, at every start; a run checks its own inputs again
/// just before it reads them.
/// </summary>
internal sealed class StoreIntegrity
{
    private readonly ILedger _ledger;
    private readonly ServicePaths _paths;

    public StoreIntegrity(ILedger ledger, ServicePaths paths)
    {
        _ledger = ledger;
        _paths = paths;
    }

    public async Task<StoreVerification> CheckAsync(CancellationToken cancellationToken)
    {
        var deliveries = await _ledger.GetRecentDeliveriesAsync(null, int.MaxValue, cancellationToken);
        var problems = new List<string>();
        var copies = 0;
        foreach (var delivery in deliveries.Where(d => d.State is DeliveryState.Stored or DeliveryState.Accepted).OrderBy(d => d.ReceivedAt))
        {
            copies++;
            var file = _paths.StoreFile(delivery.Source, delivery.Id, delivery.OriginalName);
            // Intake may have moved a copy it just rejected to quarantine since the list was read: only a copy the
            // ledger still places in the store is a problem.
            if (await StoredDigestCheck.ProblemAsync(delivery, file, cancellationToken) is { } problem
                && (await _ledger.GetDeliveryAsync(delivery.Id, cancellationToken))?.State is DeliveryState.Stored or DeliveryState.Accepted)
            {
                problems.Add($"the stored copy of delivery {delivery.Id} (source '{delivery.Source}') {problem}");
            }
        }

        return new StoreVerification(copies, problems);
    }
}
