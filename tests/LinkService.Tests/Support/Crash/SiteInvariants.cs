using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LinkService.Deliveries.Store;
using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Runs;

namespace LinkService.Tests.Support.Crash;

/// <summary>What must hold of a site however often it was killed, checked once its service has stopped.</summary>
internal static class SiteInvariants
{
    /// <summary>
    /// Every file sent is exactly one delivery, settled in the state its content calls for (of two sendings of one
    /// content, one is taken and the other is its duplicate); its bytes are kept whole in the store (accepted) or in
    /// quarantine (the rest); its source's outbox holds exactly one receipt for it, saying that state; and no file is
    /// left in an inbox, in intake's staging, or in the store or quarantine unaccounted for.
    /// </summary>
    public static async Task AssertDeliveriesAsync(CrashSite site, IReadOnlyList<DeliveredFile> sent, CancellationToken cancellationToken)
    {
        var paths = site.Folder.Paths;
        using var opened = site.OpenLedger();
        var deliveries = await opened.Ledger.GetRecentDeliveriesAsync(null, 10_000, cancellationToken);
        Assert.Equal(sent.Count, deliveries.Count);
        var byFile = sent.ToDictionary(f => f, f => Assert.Single(deliveries, d => d.Source == f.Source && d.OriginalName == f.Name));
        foreach (var (file, delivery) in byFile)
        {
            Assert.True(delivery.SettledAt is not null, $"{file} is not settled: {delivery.State}");
            Assert.Equal(file.Expected == DeliveryState.Refused ? null : file.Sha256, delivery.Sha256);
            var kept = delivery.State == DeliveryState.Accepted ? StoreFiles.Delivery(paths, file.Source, delivery.Id, file.Name) : delivery.QuarantinePath!;
            Assert.True(File.Exists(kept), $"{file} ({delivery.State}) is not kept at {kept}");
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(kept, cancellationToken))));
        }

        foreach (var (file, delivery) in byFile.Where(p => p.Key.SameContentAs is null))
        {
            var resends = byFile.Where(p => p.Key.Source == file.Source && p.Key.SameContentAs == file.Name).Select(p => p.Value).ToList();
            var sendings = resends.Prepend(delivery).ToList();
            var taken = Assert.Single(sendings, d => d.State != DeliveryState.Duplicate);
            Assert.Equal(file.Expected, taken.State);
            Assert.All(sendings.Where(d => d != taken), d => Assert.Equal((DeliveryState.Duplicate, taken.Id), (d.State, d.DuplicateOf)));
        }

        foreach (var source in site.Sources)
        {
            Assert.Empty(Interruption.InboxFiles(site, source));
            var receipts = Directory.GetFiles(site.Folder.OutboxFolder(source), "*.receipt.json")
                .Select(f => JsonNode.Parse(File.ReadAllText(f))!)
                .GroupBy(r => r["deliveryId"]!.GetValue<string>())
                .ToDictionary(g => g.Key, g => Assert.Single(g)["outcome"]!.GetValue<string>());
            var ofSource = deliveries.Where(d => d.Source == source).ToDictionary(d => d.Id, d => d.State.ToString().ToLowerInvariant());
            Assert.Equal(ofSource.OrderBy(p => p.Key, StringComparer.Ordinal), receipts.OrderBy(p => p.Key, StringComparer.Ordinal));

            var stored = Directory.Exists(paths.StoreFolder(source)) ? Directory.GetFiles(paths.StoreFolder(source)) : [];
            var accepted = deliveries.Where(d => d.Source == source && d.State == DeliveryState.Accepted).Select(d => StoreFiles.Delivery(paths, source, d.Id, d.OriginalName));
            Assert.Equal(accepted.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));

            // Beside each kept file, the file saying why, and for a rejected one the list of its row errors.
            var quarantined = Directory.Exists(paths.QuarantineFolder(source)) ? Directory.GetFiles(paths.QuarantineFolder(source)) : [];
            var kept = deliveries.Where(d => d.Source == source && d.State != DeliveryState.Accepted).Select(d => d.QuarantinePath!);
            var besides = new[] { ".reason.txt", ".errors.csv" };
            Assert.Equal(kept.Order(StringComparer.Ordinal), quarantined.Where(f => !besides.Any(b => f.EndsWith(b, StringComparison.Ordinal))).Order(StringComparer.Ordinal));
            var rejected = deliveries.Where(d => d.Source == source && d.State == DeliveryState.Rejected).Select(d => d.Id + ".errors.csv").ToHashSet(StringComparer.Ordinal);
            Assert.All(quarantined.Where(f => f.EndsWith(".errors.csv", StringComparison.Ordinal)), f => Assert.Contains(Path.GetFileName(f), rejected));
        }

        Assert.Empty(Directory.Exists(paths.StagingRoot) ? Directory.GetFiles(paths.StagingRoot, "*", SearchOption.AllDirectories) : []);
    }

    /// <summary>
    /// Every run that linked was published exactly once, whole, in a folder of its own (a run killed after linking was
    /// resumed, not redone); every other run ended failed while linking, by a kill or by the stop, and published nothing;
    /// no other folder is in the export, and no publish is left half-done in its staging folder.
    /// </summary>
    public static async Task AssertRunsAsync(CrashSite site, IReadOnlyList<Interruption> interruptions, CancellationToken cancellationToken)
    {
        var paths = site.Folder.Paths;
        using var opened = site.OpenLedger();
        var runs = await opened.Ledger.GetRecentRunsAsync(CrashSite.Project, 10_000, cancellationToken);
        var published = new List<string>();
        foreach (var run in runs)
        {
            var actions = (await opened.Ledger.GetHistoryAsync(run.Id, cancellationToken)).Select(h => h.Action).ToList();
            if (run.Stage == RunStage.Published)
            {
                Assert.Equal(RunState.Completed, run.State);
                Assert.Single(actions, "published");
                await PublishedOutput.AssertWholeAsync(paths.ExportFolder(CrashSite.Project, run.Id), cancellationToken);
                published.Add(run.Id);
                continue;
            }

            Assert.True(
                run is { State: RunState.Failed, Stage: RunStage.Linking } && run.FailureReason is { } reason
                    && (reason.StartsWith("interrupted: ", StringComparison.Ordinal) || reason.StartsWith("cancelled: a stop was requested", StringComparison.Ordinal)),
                $"run {run.Id} ended {RunTransitions.Describe(run)} at stage {run.Stage}: {run.FailureReason}");
        }

        foreach (var killed in interruptions.SelectMany(i => i.RunsMidOutput))
        {
            Assert.Contains(killed, published);
            Assert.Contains("resumed", (await opened.Ledger.GetHistoryAsync(killed, cancellationToken)).Select(h => h.Action));
        }

        var exported = Directory.GetDirectories(paths.ExportProjectFolder(CrashSite.Project)).Select(Path.GetFileName);
        Assert.Equal(published.Order(StringComparer.Ordinal), exported.Order(StringComparer.Ordinal));
        Assert.Equal([CrashSite.Project], Directory.GetDirectories(paths.ExportRoot).Select(Path.GetFileName).Where(n => n != ".staging"));
        Assert.Empty(Directory.Exists(paths.PublishStagingRoot) ? Directory.GetFiles(paths.PublishStagingRoot, "*", SearchOption.AllDirectories) : []);
    }

    /// <summary>The audit chain verifies, and every stored copy has the digest the ledger recorded: <c>status</c> exits 0.</summary>
    public static async Task AssertChainAsync(CrashSite site)
    {
        var status = await Cli.RunAsync("status", "--config", site.Folder.ConfigDirectory);
        status.AssertExitCode(0);
        Assert.Contains("Audit chain: intact", status.Output, StringComparison.Ordinal);
    }
}
