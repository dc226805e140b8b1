using LinkService.Configuration.Folders;
using LinkService.Intake.Scanning;

namespace LinkService.Intake.Storage;

/// <summary>Where each file of a delivery lives. Names come from the delivery id, never from what the department chose.</summary>
internal sealed class DeliveryFiles
{
    private const string AsidePrefix = ".refused-";

    private readonly ServicePaths _paths;

    public DeliveryFiles(ServicePaths paths) => _paths = paths;

    public ServicePaths Paths => _paths;

    /// <summary>The drop file a delivery was taken from; its name is stored escaped (<see cref="DropNames"/>).</summary>
    public string Drop(string source, string originalName) => Path.Combine(_paths.DropFolder(source), DropNames.Unescaped(originalName) ?? originalName);

    /// <summary>
    /// Where a refused file whose name is not UTF-8 is renamed, in its own folder, so that it can be moved on by path.
    /// Hidden, and never taken (<see cref="IsAside"/>).
    /// </summary>
    public string DropAside(string source, string deliveryId) => Path.Combine(_paths.DropFolder(source), AsidePrefix + deliveryId);

    public static bool IsAside(string name) => name.StartsWith(AsidePrefix, StringComparison.Ordinal);

    public string Staging(string deliveryId, string originalName) => Path.Combine(_paths.StagingRoot, deliveryId + Extension(originalName));

    public string Store(string source, string deliveryId, string originalName) => Path.Combine(_paths.StoreFolder(source), deliveryId + Extension(originalName));

    public string Excluded(string source, string deliveryId) => Path.Combine(_paths.StoreFolder(source), deliveryId + ".excluded");

    public string Quarantine(string source, string deliveryId, string originalName) => Path.Combine(_paths.QuarantineFolder(source), deliveryId + Extension(originalName));

    public string QuarantineReason(string source, string deliveryId) => Path.Combine(_paths.QuarantineFolder(source), deliveryId + ".reason.txt");

    public string Receipt(string source, string deliveryId, string extension) => Path.Combine(_paths.ReceiptsFolder(source), deliveryId + extension);

    /// <summary>The delivered extension (<c>.csv</c>, <c>.csv.gz</c>), kept only if it is plain letters and digits.</summary>
    public static string Extension(string originalName)
    {
        var extension = Path.GetExtension(originalName);
        if (extension.Equals(".gz", StringComparison.OrdinalIgnoreCase))
        {
            extension = Path.GetExtension(Path.GetFileNameWithoutExtension(originalName)) + extension;
        }

        return extension.Length <= 16 && extension.All(c => c == '.' || char.IsAsciiLetterOrDigit(c)) ? extension.ToLowerInvariant() : "";
    }
}
