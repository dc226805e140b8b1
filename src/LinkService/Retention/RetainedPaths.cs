using LinkService.Configuration.Folders;
using LinkService.Deliveries.Store;
using LinkService.Intake.Receipts;
using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Runs;

namespace LinkService.Retention;

/// <summary>Where each item retention deletes lives, from the ids and the names their owners give (never a path the ledger holds).</summary>
internal sealed class RetainedPaths(ServicePaths paths)
{
    /// <summary>The stored copy and the list of rows validation set aside from it.</summary>
    public IReadOnlyList<string> StoreCopy(Delivery delivery) =>
        Existing(StoreFiles.Delivery(paths, delivery.Source, delivery.Id, delivery.OriginalName), StoreFiles.SetAside(paths, delivery.Source, delivery.Id));

    /// <summary>The receipts (text, JSON, the full error list) in the source's outbox.</summary>
    public IReadOnlyList<string> Receipts(Delivery delivery)
    {
        var outbox = paths.ReceiptsFolder(delivery.Source);
        return Existing(Path.Combine(outbox, ReceiptNames.Text(delivery)), Path.Combine(outbox, ReceiptNames.Json(delivery)), Path.Combine(outbox, ReceiptNames.Errors(delivery)));
    }

    /// <summary>Every file of the delivery in quarantine, from a listing of its source's quarantine folder (<see cref="QuarantineFiles.ByDelivery"/>).</summary>
    public static IReadOnlyList<string> Quarantine(ILookup<string, string> quarantined, Delivery delivery) => [.. quarantined[delivery.Id]];

    public ILookup<string, string> QuarantineListing(string source) => QuarantineFiles.ByDelivery(paths, source);

    public IReadOnlyList<string> RunFolder(LinkageRun run) => Existing(paths.RunFolder(run.Project, run.Id));

    private static List<string> Existing(params string[] candidates) => [.. candidates.Where(p => File.Exists(p) || Directory.Exists(p) || new FileInfo(p).LinkTarget is not null)];
}
