using System.Security.Cryptography;
using System.Text;
using LinkService.Configuration.Folders;
using LinkService.Ledger;
using LinkService.Ledger.Deliveries;
using LinkService.Deliveries.Store;

namespace LinkService.Tests.Support;

/// <summary>Records an accepted, settled delivery with its copy where the store keeps it, as intake would after validating it.</summary>
internal static class AcceptedDeliveries
{
    /// <param name="place">
    /// Puts the copy at the path it is given; by default the content is written there. A test that must hold a run
    /// mid-read makes a named pipe instead and writes the content into it later.
    /// </param>
    public static async Task<Delivery> RecordAsync(
        ILedger ledger, ServicePaths paths, string source, string content, CancellationToken cancellationToken, Func<string, Task>? place = null)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var received = await ledger.RecordReceivedAsync(new NewDelivery(source, source + ".csv", bytes.Length, DateTimeOffset.UnixEpoch), cancellationToken);
        var file = StoreFiles.Delivery(paths, source, received.Id, received.OriginalName);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await (place ?? (path => File.WriteAllBytesAsync(path, bytes, cancellationToken)))(file);
        await ledger.MarkStoredAsync(received.Id, new StoredFile(Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length), cancellationToken);
        await ledger.RecordOutcomeAsync(received.Id, new DeliveryOutcome { State = DeliveryState.Accepted }, cancellationToken);
        return await ledger.MarkSettledAsync(received.Id, cancellationToken);
    }
}
