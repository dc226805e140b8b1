using LinkService.Configuration.Folders;
using LinkService.Deliveries.Store;
using LinkService.Intake.Scanning;

namespace LinkService.Intake.Storage;

/// <summary>Where each file of a delivery lives. Names come from the delivery id, never from what the department chose.</summary>
internal sealed class DeliveryFiles
{
    private const string AsidePrefix = ".refused-";

    private readonly ServicePaths _paths;

    public DeliveryFiles(ServicePaths paths) => _paths = paths;

    public ServicePaths Paths => _paths;

    /// <summary>Where a delivery arrives, the department's inbox; its name is stored escaped (<see cref="DropNames"/>).</summary>
    public string Drop(string source, string originalName) => Path.Combine(_paths.InboxFolder(source), DropNames.Unescaped(originalName) ?? originalName);

    /// <summary>
    /// Where a refused file whose name is not UTF-8 is renamed, in the inbox, so that it can be moved on by path.
    /// Hidden, and never taken (<see cref="IsAside"/>).
    /// </summary>
    public string DropAside(string source, string deliveryId) => Path.Combine(_paths.InboxFolder(source), AsidePrefix + deliveryId);

    public static bool IsAside(string name) => name.StartsWith(AsidePrefix, StringComparison.Ordinal);

    public string Staging(string deliveryId, string originalName) => Path.Combine(_paths.StagingRoot, deliveryId + Extension(originalName));

    public string Store(string source, string deliveryId, string originalName) => StoreFiles.Delivery(_paths, source, deliveryId, originalName);

    public string SetAside(string source, string deliveryId) => StoreFiles.SetAside(_paths, source, deliveryId);

    public string Quarantine(string source, string deliveryId, string originalName) => QuarantineFiles.Delivery(_paths, source, deliveryId, originalName);

    public string QuarantineReason(string source, string deliveryId) => QuarantineFiles.Reason(_paths, source, deliveryId);

    /// <summary>The delivered extension (<c>.csv</c>, <c>.csv.gz</c>), as the store keeps it.</summary>
    public static string Extension(string originalName) => StoreFiles.Extension(originalName);
}
