using LinkService.Configuration.Folders;
using LinkService.Ledger;
using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Retention;
using LinkService.Linking;
using LinkService.Deliveries.Store;

namespace LinkService.Audit;

/// <summary>Every stored copy against the digest the ledger recorded for it: what it found, delivery by delivery.</summary>
internal sealed record StoreVerification(int CopiesChecked, IReadOnlyList<string> Problems)
{
    public bool IsIntact => Problems.Count == 0;
}

/// <summary>
/// Whether the store holds what the ledger says it does: each stored or accepted delivery's copy, hashed in
/// full, but those retention deleted (the ledger records each deletion before the file goes). Checked by <c>status</c> and, in the background, at every start; a run checks its own inputs again
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
        var deleted = await DeletedCopiesAsync(cancellationToken);
        var problems = new List<string>();
        var copies = 0;
        foreach (var delivery in deliveries.Where(d => d.State is DeliveryState.Stored or DeliveryState.Accepted or DeliveryState.Held && !deleted.Contains(d.Id)).OrderBy(d => d.ReceivedAt))
        {
            copies++;
            var file = StoreFiles.Delivery(_paths, delivery.Source, delivery.Id, delivery.OriginalName);
            // Intake may have moved a copy it just rejected to quarantine since the list was read, and retention may have
            // deleted one: only a copy the ledger still places in the store is a problem.
            if (await ProblemAsync(delivery, file, cancellationToken) is { } problem
                && (await _ledger.GetDeliveryAsync(delivery.Id, cancellationToken))?.State is DeliveryState.Stored or DeliveryState.Accepted or DeliveryState.Held
                && !(await DeletedCopiesAsync(cancellationToken)).Contains(delivery.Id))
            {
                problems.Add($"the stored copy of delivery {delivery.Id} (source '{delivery.Source}') {problem}");
            }
        }

        return new StoreVerification(copies, problems);
    }

    /// <summary>The deliveries whose stored copy retention deleted (or is deleting): no longer expected in the store.</summary>
    private async Task<HashSet<string>> DeletedCopiesAsync(CancellationToken cancellationToken) =>
        [.. (await _ledger.GetDeletionsAsync(cancellationToken)).Where(d => d.Item == RetainedItem.StoreCopy).Select(d => d.EntityId)];

    /// <summary>
    /// The size a directory entry reports is checked before the file is opened: a check that runs unattended must not
    /// hang on something planted in the store that is not a file (a named pipe reports size 0 and blocks its reader).
    /// </summary>
    private static Task<string?> ProblemAsync(Delivery delivery, string file, CancellationToken cancellationToken)
    {
        var info = new FileInfo(file);
        return info.Exists && info.Length != delivery.Bytes
            ? Task.FromResult<string?>("does not have the size recorded when it was taken: it was altered in the store")
            : StoredDigestCheck.ProblemAsync(delivery, file, cancellationToken);
    }
}
