using System.IO.Abstractions;
using LinkService.Configuration;
using LinkService.Configuration.Folders;
using LinkService.Intake.Receipts;
using LinkService.Intake.Storage;
using LinkService.Ledger;
using LinkService.Ledger.Deliveries;
using Microsoft.Extensions.Logging;

namespace LinkService.Intake.Holding;

/// <summary>
/// The custodian's decision on a delivery held for its size (<c>linkservice deliveries release|reject</c>), beside the
/// service. Each step is recorded before the next and each is safe to repeat: the receipt first (the department learns
/// the outcome), then the ledger (with who decided, in the audit chain); a rejected delivery's copy then goes to
/// quarantine, and is settled, by this command or, if it stops before, by the service's intake pass.
/// </summary>
public sealed class HeldDeliveries
{
    private readonly ConfigCatalog _catalog;
    private readonly ILedger _ledger;
    private readonly DeliveryFiles _files;
    private readonly ReceiptWriter _receipts;
    private readonly Quarantine _quarantine;
    private readonly ILogger _logger;

    public HeldDeliveries(ConfigCatalog catalog, ServicePaths paths, IFileSystem fileSystem, ILedger ledger, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        _catalog = catalog;
        _ledger = ledger;
        _files = new DeliveryFiles(paths);
        _receipts = new ReceiptWriter(_files, timeProvider);
        _quarantine = new Quarantine(fileSystem, _files);
        _logger = loggerFactory.CreateLogger("LinkService.Intake");
    }

    /// <summary>Releases the held delivery: it is accepted, and the project's next run takes it. Returns what is wrong instead, if anything.</summary>
    public async Task<HeldDecisionProblem?> ReleaseAsync(string deliveryId, string by, CancellationToken cancellationToken)
    {
        var delivery = await _ledger.GetDeliveryAsync(deliveryId, cancellationToken);
        var release = new HeldDecision(true, by, null, null);
        if (await ProblemAsync(delivery, deliveryId, release, cancellationToken) is { } problem)
        {
            return problem;
        }

        if (delivery!.State == DeliveryState.Held)
        {
            await _receipts.WriteAsync(delivery, ReceiptOutcome.Accepted, ["held for its number of rows, then released by the data custodian"], null, cancellationToken);
            await _ledger.DecideHeldAsync(delivery.Id, release, cancellationToken);
            Log.HeldDecided(_logger, delivery.Id, delivery.Source, "released", by);
        }

        return null;
    }

    /// <summary>Rejects the held delivery for <paramref name="reason"/>: it goes to quarantine and is never linked.</summary>
    public async Task<HeldDecisionProblem?> RejectAsync(string deliveryId, string by, string reason, CancellationToken cancellationToken)
    {
        var delivery = await _ledger.GetDeliveryAsync(deliveryId, cancellationToken);
        var reject = new HeldDecision(false, by, reason, delivery is null ? null : _files.Quarantine(delivery.Source, delivery.Id, delivery.OriginalName));
        if (await ProblemAsync(delivery, deliveryId, reject, cancellationToken) is { } problem)
        {
            return problem;
        }

        if (delivery!.State == DeliveryState.Held)
        {
            string[] reasons = [$"rejected by the data custodian after it was held for its number of rows: {reason}"];
            await _receipts.WriteAsync(delivery, ReceiptOutcome.Rejected, reasons, null, cancellationToken);
            delivery = await _ledger.DecideHeldAsync(delivery.Id, reject, cancellationToken);
            Log.HeldDecided(_logger, delivery.Id, delivery.Source, "rejected", by);
        }

        if (delivery.SettledAt is null)
        {
            await _quarantine.PlaceAsync(delivery, _files.Store(delivery.Source, delivery.Id, delivery.OriginalName), cancellationToken);
            await _ledger.MarkSettledAsync(delivery.Id, cancellationToken);
        }

        return null;
    }

    /// <summary>Null when the delivery is held, or was already so decided (a repeat finishes what the first left); otherwise what is wrong.</summary>
    private async Task<HeldDecisionProblem?> ProblemAsync(Delivery? delivery, string deliveryId, HeldDecision decision, CancellationToken cancellationToken)
    {
        if (delivery is null || !_catalog.Sources.ContainsKey(delivery.Source))
        {
            return new HeldDecisionProblem($"There is no delivery '{deliveryId}' of a configured source ('linkservice status' lists the deliveries held).", NoSuchDelivery: true);
        }

        if (delivery.State == DeliveryState.Held
            || (await _ledger.GetHistoryAsync(delivery.Id, cancellationToken)).Any(entry => entry.Action == decision.Action))
        {
            return null;
        }

        return new HeldDecisionProblem($"Delivery {delivery.Id} is {delivery.State.ToString().ToLowerInvariant()}, not held: only a held delivery can be released or rejected.", NoSuchDelivery: false);
    }
}
