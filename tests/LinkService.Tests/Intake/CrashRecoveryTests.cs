using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LinkService.Deliveries.Store;
using LinkService.Tests.Support;

namespace LinkService.Tests.Intake;

public sealed class CrashRecoveryTests
{
    private const long TargetBytes = 200L << 20;

    [Fact]
    public async Task KilledWhileStoringALargeDelivery_RestartProcessesItExactlyOnceAndLosesNothing()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // SIGTERM through kill(1) below; the same recovery code runs on Windows.
        }

        using var folder = new ServiceFolder();
        folder.UseFastIntake();
        var drop = folder.InboxFolder("justice");
        var outbox = folder.OutboxFolder("justice");
        var staging = Path.Combine(folder.WorkFolder, "staging");
        const string name = "offenders_20261125.csv";
        string digest;

        using (var first = ServiceProcess.Start(folder))
        {
            // Watching, so that the upload's close is seen and the copy begins at once (the restart below is what waits the fallback period).
            await first.IntakeWatchingAsync(TimeSpan.FromSeconds(60), "intake watches the inboxes", TestContext.Current.CancellationToken);
            digest = await WriteLargeExtractAsync(Path.Combine(drop, name + ".part"));
            using var stagingWatcher = new FileSystemWatcher(staging) { EnableRaisingEvents = true };
            var copying = new TaskCompletionSource();
            stagingWatcher.Created += (_, _) => copying.TrySetResult();
            File.Move(Path.Combine(drop, name + ".part"), Path.Combine(drop, name));

            await copying.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
            await first.KillAsync();
        }

        Assert.True(File.Exists(Path.Combine(drop, name)), "the original is still in the drop folder after the crash");

        using (var second = ServiceProcess.Start(folder))
        {
            // The file was there before the restart: no close can be known, so it waits the fallback period (a minute here).
            // The receipt is written before the outcome is recorded and the delivery settled: a stop in between would
            // leave it for the next start, which is not what this test is about.
            using var running = new OpenedLedger(folder);
            await Eventually.TrueAsync(
                async () => FinalReceipt(outbox) is not null && (await running.Ledger.GetUnsettledDeliveriesAsync(CancellationToken.None)).Count == 0,
                TimeSpan.FromSeconds(180),
                "the restarted service settles the delivery");
            Assert.Equal(0, await second.StopAsync(TimeSpan.FromSeconds(60)));
        }

        using var opened = new OpenedLedger(folder);
        var ledger = opened.Ledger;
        var deliveries = await ledger.GetStatusAsync(0, CancellationToken.None);
        Assert.Equal(1, deliveries.Deliveries.Where(d => d.Source == "justice").Sum(d => d.Count));
        var unsettled = await ledger.GetUnsettledDeliveriesAsync(CancellationToken.None);
        Assert.Empty(unsettled);
        var accepted = Assert.Single(await ledger.GetAcceptedDeliveriesAsync("justice", 10, CancellationToken.None));
        Assert.Equal(digest, accepted.Sha256);
        Assert.Equal(digest, await Sha256Async(StoreFiles.Delivery(folder.Paths, accepted.Source, accepted.Id, accepted.OriginalName)));
        Assert.Equal("accepted", FinalReceipt(outbox));
        Assert.Single(Directory.GetFiles(outbox, "*.receipt.json"));
        Assert.False(File.Exists(Path.Combine(drop, name)), "the original leaves the drop folder once stored");
        Assert.Empty(Directory.GetFiles(staging));
        Assert.Single(Directory.GetFiles(Path.Combine(folder.WorkFolder, "store", "justice"), "*.csv"));
    }

    private static string? FinalReceipt(string receipts)
    {
        var files = Directory.Exists(receipts) ? Directory.GetFiles(receipts, "*.receipt.json") : [];
        var outcomes = files.Select(f => JsonNode.Parse(File.ReadAllText(f))?["outcome"]?.GetValue<string>()).Where(o => o is not "received").ToList();
        return outcomes.Count == 1 ? outcomes[0] : null;
    }

    /// <summary>A valid justice extract of about 200 MB, written fast; returns its SHA-256.</summary>
    private static async Task<string> WriteLargeExtractAsync(string path)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
        {
            var header = Encoding.ASCII.GetBytes("offender_id,surname,forenames,date_of_birth,sex,postcode,ni_number,offence_group,sentence_type,sentence_months,release_date\n");
            await stream.WriteAsync(header);
            hash.AppendData(header);
            var row = Encoding.ASCII.GetBytes("OFF00000000,Thistlewood,Clementine Ada,14/03/1985,F,ZX1 1QA,,theft,custody,12,01/06/2024\n");
            var chunk = new byte[row.Length * 4096];
            long written = header.Length;
            for (var id = 0; written < TargetBytes; )
            {
                for (var r = 0; r < 4096; r++, id++)
                {
                    row.CopyTo(chunk, r * row.Length);
                    Encoding.ASCII.GetBytes(id.ToString("D8", System.Globalization.CultureInfo.InvariantCulture), chunk.AsSpan(r * row.Length + 3, 8));
                }

                await stream.WriteAsync(chunk);
                hash.AppendData(chunk);
                written += chunk.Length;
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task<string> Sha256Async(string path)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));
    }
}
