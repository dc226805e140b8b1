using System.IO.Abstractions;
using LinkService.Configuration.Sources;
using LinkService.Intake.Storage;
using LinkService.Ledger;
using LinkService.Ledger.Deliveries;
using Microsoft.Extensions.Logging;

namespace LinkService.Intake.Processing;

/// <summary>
/// Resumes a delivery an earlier run left unsettled, from what the ledger and the folders say:
/// <list type="bullet">
/// <item>received, store copy present: the rename happened, the ledger update did not; hash the copy and go on.</item>
/// <item>received, drop original present: the copy did not finish; the scan takes the file again once quiet.</item>
/// <item>received, neither: the file left the drop folder before it was stored; refused, so that the record ends.</item>
/// <item>stored: remove the original if still there, then check and settle.</item>
/// <item>final: put files where the state says, then settle.</item>
/// </list>
/// </summary>
internal sealed class DeliveryRecovery(
    ILedger ledger,
    IFileSystem fileSystem,
    DeliveryFiles files,
    HashingCopier copier,
    DeliveryCompletion completion,
    RetryBackoff backoff,
    ILogger logger)
{
    public const string Vanished = "the file left the drop folder before it was stored";

    /// <summary>
    /// Advances the delivery as far as it can, unless it failed recently and its next try is not due; false when
    /// it waits for the scan to take its drop file again.
    /// </summary>
    public async Task<bool> ResumeAsync(SourceDefinition source, Delivery delivery, CancellationToken cancellationToken)
    {
        var store = files.Store(source.Name, delivery.Id, delivery.OriginalName);
        if (delivery.State == DeliveryState.Received && !fileSystem.File.Exists(store))
        {
            var drop = fileSystem.FileInfo.New(files.Drop(source.Name, delivery.OriginalName));
            if (drop.Exists || drop.LinkTarget is not null)
            {
                return false;
            }
        }

        if (!backoff.IsDue(delivery.Id))
        {
            return true;
        }

        Log.Resuming(logger, delivery.Id, delivery.Source, delivery.State);
        try
        {
            switch (delivery.State)
            {
                case DeliveryState.Received when fileSystem.File.Exists(store):
                    var hashed = await copier.HashAsync(store, cancellationToken);
                    var stored = await ledger.MarkStoredAsync(delivery.Id, new StoredFile(hashed.Sha256, hashed.Bytes), cancellationToken);
                    await completion.FinishAsync(source, stored, cancellationToken);
                    break;
                case DeliveryState.Received:
                    await completion.RefuseAsync(source, delivery, [Vanished], null, null, cancellationToken);
                    break;
                case DeliveryState.Stored:
                    await completion.FinishAsync(source, delivery, cancellationToken);
                    break;
                default:
                    await completion.SettleAsync(source, delivery, cancellationToken);
                    break;
            }

            backoff.Succeeded(delivery.Id);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var next = backoff.Failed(delivery.Id);
            Log.ResumeFailed(logger, exception, delivery.Id, delivery.Source, next);
        }

        return true;
    }
}
