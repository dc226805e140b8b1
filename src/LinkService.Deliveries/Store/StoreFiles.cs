using LinkService.Configuration.Folders;

namespace LinkService.Deliveries.Store;

/// <summary>
/// The names of a delivery's files in the store, known here alone. Names come from the delivery id, never
/// from what the department chose, but for the delivered extension.
/// </summary>
public static class StoreFiles
{
    /// <summary>The stored, immutable copy: <c>&lt;store&gt;/&lt;source&gt;/&lt;delivery&gt;&lt;extension&gt;</c>.</summary>
    public static string Delivery(ServicePaths paths, string source, string deliveryId, string originalName) =>
        Path.Combine(paths.StoreFolder(source), deliveryId + Extension(originalName));

    /// <summary>The rows validation set aside from an accepted delivery (<see cref="SetAside.SetAsideRows"/>); absent when none were.</summary>
    public static string SetAside(ServicePaths paths, string source, string deliveryId) =>
        Path.Combine(paths.StoreFolder(source), deliveryId + ".excluded");

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
