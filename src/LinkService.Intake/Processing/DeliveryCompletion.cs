using System.IO.Abstractions;
using LinkService.Configuration.Sources;
using LinkService.Deliveries.SetAside;
using LinkService.Intake.Checks;
using LinkService.Intake.Holding;
using LinkService.Intake.Receipts;
using LinkService.Intake.Scanning;
using LinkService.Intake.Storage;
using LinkService.Ledger;
using LinkService.Ledger.Deliveries;
using Microsoft.Extensions.Logging;

namespace LinkService.Intake.Processing;

/// <summary>
/// Carries a delivery from stored to settled. Each step is recorded before the next begins and each is safe
/// to repeat, so a run that resumes after a crash finishes the delivery exactly once.
/// </summary>
internal sealed class DeliveryCompletion(
    ILedger ledger,
    IFileSystem fileSystem,
    DeliveryFiles files,
    CompanionFiles companions,
    Quarantine quarantine,
    ReceiptWriter receipts,
    IDeliveryCheck check,
    ILogger logger)
{
    public async Task RefuseAsync(SourceDefinition source, Delivery delivery, IReadOnlyList<string> reasons, long? bytes, string? sha256, CancellationToken cancellationToken)
    {
        var outcome = new DeliveryOutcome
        {
            State = DeliveryState.Refused,
            Reasons = reasons,
            Bytes = bytes,
            Sha256 = sha256,
            QuarantinePath = files.Quarantine(source.Name, delivery.Id, delivery.OriginalName),
        };
        var refused = await ledger.RecordOutcomeAsync(delivery.Id, outcome, cancellationToken);
        Log.Refused(logger, refused.Id, refused.Source, string.Join("; ", reasons));
        await SettleAsync(source, refused, cancellationToken);
    }

    /// <summary>From stored: removes the drop original, then records a duplicate or runs the check, writes receipts and settles.</summary>
    public async Task FinishAsync(SourceDefinition source, Delivery stored, CancellationToken cancellationToken)
    {
        RemoveOriginal(source, stored);
        if (await ledger.FindDuplicateAsync(source.Name, stored.Sha256!, stored.Id, cancellationToken) is { } earlier)
        {
            string[] reasons = [$"the same content as delivery {earlier.Id}"];
            await receipts.WriteAsync(stored with { DuplicateOf = earlier.Id }, ReceiptOutcome.Duplicate, reasons, null, cancellationToken);
            var duplicate = await ledger.RecordOutcomeAsync(
                stored.Id,
                new DeliveryOutcome { State = DeliveryState.Duplicate, Reasons = reasons, DuplicateOf = earlier.Id, QuarantinePath = files.Quarantine(source.Name, stored.Id, stored.OriginalName) },
                cancellationToken);
            Log.Duplicate(logger, stored.Id, source.Name, earlier.Id);
            await SettleAsync(source, duplicate, cancellationToken);
            return;
        }

        await receipts.WriteAsync(stored, ReceiptOutcome.Received, [], null, cancellationToken);
        var result = await check.CheckAsync(
            new StoredDelivery(stored.Id, source, stored.OriginalName, files.Store(source.Name, stored.Id, stored.OriginalName), stored.Sha256!, stored.Bytes!.Value, stored.ReceivedAt),
            cancellationToken);
        if (result.Accepted && result.SetAsideRows.Count > 0)
        {
            await AtomicFile.WriteAllTextAsync(fileSystem, files.SetAside(source.Name, stored.Id), SetAsideRows.Format(result.SetAsideRows), cancellationToken);
        }

        var held = result.Accepted ? await SizeChangeHold.ReasonAsync(ledger, source, result.AcceptedRows, cancellationToken) : null;
        var (state, receipt, given) = held is not null ? (DeliveryState.Held, ReceiptOutcome.Held, (IReadOnlyList<string>)[.. result.Reasons, held])
            : result.Accepted ? (DeliveryState.Accepted, ReceiptOutcome.Accepted, result.Reasons)
            : (DeliveryState.Rejected, ReceiptOutcome.Rejected, result.Reasons);

        // The receipt is written before the outcome is recorded: if we stop in between, the check runs again and rewrites it.
        await receipts.WriteAsync(stored, receipt, given, result, cancellationToken);
        var outcome = new DeliveryOutcome
        {
            State = state,
            Reasons = given,
            SetAsideRows = result.Accepted ? result.SetAsideRows.Count : null,
            AcceptedRows = result.Accepted ? result.AcceptedRows : null,
            QuarantinePath = result.Accepted ? null : files.Quarantine(source.Name, stored.Id, stored.OriginalName),
        };
        var final = await ledger.RecordOutcomeAsync(stored.Id, outcome, cancellationToken);
        if (held is not null)
        {
            Log.Held(logger, stored.Id, source.Name, held);
        }
        else if (result.Accepted)
        {
            Log.Accepted(logger, stored.Id, source.Name, result.SetAsideRows.Count);
        }
        else
        {
            Log.Rejected(logger, stored.Id, source.Name, result.Reasons.Count);
        }

        await SettleAsync(source, final, cancellationToken);
    }

    /// <summary>Puts the files where the final state says (quarantine for all but accepted), then marks the delivery settled.</summary>
    public async Task SettleAsync(SourceDefinition source, Delivery delivery, CancellationToken cancellationToken)
    {
        switch (delivery.State)
        {
            case DeliveryState.Rejected or DeliveryState.Duplicate:
                await quarantine.PlaceAsync(delivery, files.Store(source.Name, delivery.Id, delivery.OriginalName), cancellationToken);
                break;
            case DeliveryState.Refused:
                // A link of either kind is never kept: whatever link now has the name is refused as well.
                var drop = Reachable(source, delivery);
                if (Links.IsAt(fileSystem, drop) || IsStillTheDeliveredFile(drop, delivery))
                {
                    await quarantine.PlaceDropFileAsync(delivery, drop, cancellationToken);
                }

                companions.Remove(source, drop);

                await receipts.WriteAsync(delivery, ReceiptOutcome.Refused, delivery.Reasons, null, cancellationToken);
                break;
        }

        await ledger.MarkSettledAsync(delivery.Id, cancellationToken);
    }

    /// <summary>
    /// The path of the delivery's drop file. A name that is not UTF-8 has none: the file is first renamed, by its bytes,
    /// to a name of the service's in the same folder (done before, if this is a retry after a crash).
    /// </summary>
    private string Reachable(SourceDefinition source, Delivery delivery)
    {
        if (DropNames.Unescaped(delivery.OriginalName) is not null || !OperatingSystem.IsLinux())
        {
            return files.Drop(source.Name, delivery.OriginalName);
        }

        var aside = files.DropAside(source.Name, delivery.Id);
        RawNames.MoveTo(files.Paths.InboxFolder(source.Name), DropNames.Unescape(delivery.OriginalName), aside);
        return aside;
    }

    /// <summary>Deletes the drop original once the store holds it, unless a new upload has replaced it meanwhile.</summary>
    private void RemoveOriginal(SourceDefinition source, Delivery stored)
    {
        var drop = files.Drop(source.Name, stored.OriginalName);
        if (IsStillTheDeliveredFile(drop, stored))
        {
            fileSystem.File.Delete(drop);
        }
        else if (fileSystem.FileInfo.New(drop) is { Exists: true } or { LinkTarget: not null })
        {
            // Written to after it was taken (or replaced): left where it is, the scan takes what is there now as a new delivery.
            Log.ChangedAfterTaken(logger, stored.Id, source.Name);
        }

        companions.Remove(source, drop);
    }

    /// <summary>Whether <paramref name="path"/> is still the plain file, of the size and time, that the delivery took.</summary>
    private bool IsStillTheDeliveredFile(string path, Delivery delivery)
    {
        var info = fileSystem.FileInfo.New(path);
        return info.LinkTarget is null && info.Exists && info.Length == delivery.DropBytes && new DateTimeOffset(info.LastWriteTimeUtc) == delivery.DropModified;
    }
}
