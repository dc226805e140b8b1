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

    /// <summary>
    /// Waits until the ledger counts an accepted delivery of each source, as `status --json` reports it. A department's
    /// receipt is written before the ledger records the outcome (a crash between the two checks the delivery again and
    /// rewrites it), so `link` run on seeing the receipts can still find the source with no accepted delivery.
    /// </summary>
    public static Task WaitUntilRecordedAsync(ServiceFolder folder, TimeSpan timeout, params string[] sources) =>
        Eventually.TrueAsync(
            async () =>
            {
                var status = await Cli.RunAsync("status", "--json", "--config", folder.ConfigDirectory);
                if (status.ExitCode != 0)
                {
                    return false;
                }

                using var json = System.Text.Json.JsonDocument.Parse(status.Output);
                var accepted = json.RootElement.GetProperty("deliveries").EnumerateArray()
                    .Where(d => d.GetProperty("accepted").GetInt64() > 0)
                    .Select(d => d.GetProperty("source").GetString())
                    .ToHashSet();
                return sources.All(accepted.Contains);
            },
            timeout,
            $"the ledger records an accepted delivery of {string.Join(" and ", sources)}");
}
