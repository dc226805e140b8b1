using LinkService.Configuration.Folders;

namespace LinkService.Deliveries.Store;

/// <summary>
/// The names of a delivery's files in quarantine, known here alone: each is the delivery id, then what it is. A delivery
/// id never holds a '.', so <c>&lt;id&gt;</c> and <c>&lt;id&gt;.*</c> are that delivery's and no other's.
/// </summary>
public static class QuarantineFiles
{
    /// <summary>A refused, rejected or duplicate file, kept whole: <c>&lt;quarantine&gt;/&lt;source&gt;/&lt;delivery&gt;&lt;extension&gt;</c>.</summary>
    public static string Delivery(ServicePaths paths, string source, string deliveryId, string originalName) =>
        Path.Combine(paths.QuarantineFolder(source), deliveryId + StoreFiles.Extension(originalName));

    /// <summary>Why it is in quarantine, in words.</summary>
    public static string Reason(ServicePaths paths, string source, string deliveryId) => Path.Combine(paths.QuarantineFolder(source), deliveryId + ".reason.txt");

    /// <summary>The rows validation set aside, kept whole.</summary>
    public static string Rejects(ServicePaths paths, string source, string deliveryId) => Path.Combine(paths.QuarantineFolder(source), deliveryId + ".rejects.csv");

    /// <summary>Every row error of the delivery, for its receipt to publish when it cannot name them all.</summary>
    public static string Errors(ServicePaths paths, string source, string deliveryId) => Path.Combine(paths.QuarantineFolder(source), deliveryId + ".errors.csv");

    /// <summary>The files quarantine holds now, by delivery id (of the source's quarantine folder; empty when there is none).</summary>
    public static ILookup<string, string> ByDelivery(ServicePaths paths, string source)
    {
        var folder = paths.QuarantineFolder(source);
        var files = Directory.Exists(folder) ? Directory.EnumerateFileSystemEntries(folder) : [];
        return files.ToLookup(file => Path.GetFileName(file).Split('.', 2)[0], StringComparer.Ordinal);
    }
}
