using System.Globalization;
using LinkService.Configuration.Folders;
using LinkService.Ledger.Deliveries;

namespace LinkService.Linking;

/// <summary>
/// The data rows validation set aside from an accepted delivery, which linkage skips. Intake keeps them
/// as <c>&lt;store&gt;/&lt;source&gt;/&lt;delivery&gt;.excluded</c>, one row number a line; no file means none.
/// </summary>
internal static class ExcludedRows
{
    public static async Task<IReadOnlySet<long>?> ReadAsync(ServicePaths paths, Delivery delivery, CancellationToken cancellationToken)
    {
        var file = Path.Combine(paths.StoreFolder(delivery.Source), delivery.Id + ".excluded");
        if (!File.Exists(file))
        {
            return null;
        }

        var rows = new HashSet<long>();
        await foreach (var line in File.ReadLinesAsync(file, cancellationToken))
        {
            if (line.Length > 0)
            {
                rows.Add(long.Parse(line, NumberStyles.None, CultureInfo.InvariantCulture));
            }
        }

        return rows;
    }
}
