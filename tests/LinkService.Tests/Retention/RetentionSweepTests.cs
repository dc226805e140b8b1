using LinkService.Deliveries.Store;
using LinkService.Intake.Receipts;
using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Retention;
using LinkService.Retention;
using LinkService.Tests.Support;

namespace LinkService.Tests.Retention;

/// <summary>
/// Retention on a real ledger and real folders: the justice source keeps its raw extracts 90 days; the default project
/// links justice and welfare. Each month a new delivery arrives and the project links it.
/// </summary>
public sealed class RetentionSweepTests : IDisposable
{
    private static readonly TimeSpan Month = TimeSpan.FromDays(30);
    private readonly RetentionSite _site = new();

    public RetentionSweepTests() => _site.SourceRetention("justice", """{ "rawExtracts": "P90D" }""");

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task RunAsync_ExpiredExtractEveryProjectLinked_IsDeletedAuditedAndEveryCheckStillPasses()
    {
        var (january, _) = await MonthlyRunAsync("r1");
        _site.Time.Advance(Month);
        var (february, _) = await MonthlyRunAsync("r2");
        _site.Time.Advance(TimeSpan.FromDays(61));

        var report = await _site.Sweep().RunAsync(CancellationToken.None);

        Assert.Equal([(RetainedItem.StoreCopy, january.Id)], report.Deleted.Select(d => (d.Item, d.EntityId)));
        Assert.False(File.Exists(StoredCopy(january)));
        Assert.True(File.Exists(StoredCopy(february)), "the source's current delivery is kept");
        var deletion = (await _site.Ledger.GetHistoryAsync(january.Id, CancellationToken.None))[^1];
        Assert.Equal("deleted", deletion.Action);
        Assert.Contains("\"item\":\"store-copy\"", deletion.Detail, StringComparison.Ordinal);
        Assert.True((await _site.Ledger.VerifyAuditChainAsync(CancellationToken.None)).IsIntact);
        var store = await _site.Store().CheckAsync(CancellationToken.None);
        Assert.True(store.IsIntact, string.Join("; ", store.Problems));
        Assert.Equal([february.Id], (await _site.Ledger.GetAcceptedDeliveriesAsync("justice", 10, CancellationToken.None)).Select(d => d.Id));
    }

    [Fact]
    public async Task RunAsync_NotYetPastItsPeriod_IsLeftAlone()
    {
        var (january, _) = await MonthlyRunAsync("r1");
        _site.Time.Advance(Month);
        await MonthlyRunAsync("r2");
        _site.Time.Advance(TimeSpan.FromDays(59));

        var report = await _site.Sweep().RunAsync(CancellationToken.None);

        Assert.Empty(report.Deleted);
        Assert.Empty(report.Kept);
        Assert.True(File.Exists(StoredCopy(january)));
    }

    [Fact]
    public async Task RunAsync_CurrentDeliveryPastItsPeriod_IsKeptForTheNextRun()
    {
        var (january, _) = await MonthlyRunAsync("r1");
        _site.Time.Advance(TimeSpan.FromDays(91));

        var report = await _site.Sweep().RunAsync(CancellationToken.None);

        Assert.Empty(report.Deleted);
        Assert.Equal(
            $"it is the source's current delivery, which the next run of project '{RetentionSite.Project}' takes",
            Assert.Single(report.Kept, k => k.EntityId == january.Id).Reason);
        Assert.True(File.Exists(StoredCopy(january)));
    }

    [Fact]
    public async Task RunAsync_ExpiredButOneProjectHasNotLinkedIt_IsKeptAndTheLogSaysWhy()
    {
        _site.AddProject("employment");
        var january = await JanuaryPastItsPeriodAsync();

        var report = await _site.Sweep().RunAsync(CancellationToken.None);

        Assert.Empty(report.Deleted);
        Assert.True(File.Exists(StoredCopy(january)));
        var reason = "project 'employment' has not linked it, nor a later delivery of the source, in a completed run";
        Assert.Equal([(RetainedItem.StoreCopy, january.Id, reason)], report.Kept.Select(k => (k.Item, k.EntityId, k.Reason)));
        Assert.Contains(_site.Log.Lines, l => l.EventId == 1402 && l.Message.Contains(january.Id, StringComparison.Ordinal) && l.Message.EndsWith(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ProjectThatLinkedALaterDelivery_IsDoneWithTheEarlierOne()
    {
        // The second project started after February's delivery: it will never take January's.
        _site.AddProject("employment");
        var (january, _) = await MonthlyRunAsync("r1");
        _site.Time.Advance(Month);
        var (february, welfare) = await MonthlyRunAsync("r2");
        await _site.CompletedRunAsync("e1", "employment", february, welfare);
        _site.Time.Advance(TimeSpan.FromDays(61));

        var report = await _site.Sweep().RunAsync(CancellationToken.None);

        Assert.Equal([january.Id], report.Deleted.Select(d => d.EntityId));
    }

    [Fact]
    public async Task RunAsync_ExtractReadByARunAwaitingApproval_IsKept()
    {
        var january = await _site.AcceptedAsync("justice");
        var welfare = await _site.AcceptedAsync("welfare");
        await _site.HeldRunAsync("r1", RetentionSite.Project, january, welfare);
        _site.Time.Advance(Month);
        await MonthlyRunAsync("r2");
        _site.Time.Advance(TimeSpan.FromDays(61));

        var report = await _site.Sweep().RunAsync(CancellationToken.None);

        Assert.Equal($"run r1 of project '{RetentionSite.Project}' reads it and is held for approval", Assert.Single(report.Kept).Reason);
        Assert.True(File.Exists(StoredCopy(january)));
    }

    [Fact]
    public async Task RunAsync_RunFolderOfARunAwaitingApproval_IsKeptWhileAnOlderFinishedRunsFolderGoes()
    {
        await MonthlyRunAsync("r0");
        _site.Time.Advance(Month);
        var (february, welfare) = await MonthlyRunAsync("r1");
        await _site.HeldRunAsync("r2", RetentionSite.Project, february, welfare);
        _site.Time.Advance(TimeSpan.FromDays(31));

        var report = await _site.Sweep(runFolders: "P30D").RunAsync(CancellationToken.None);

        Assert.Equal([(RetainedItem.RunFolder, "r0")], report.Deleted.Where(d => d.Item == RetainedItem.RunFolder).Select(d => (d.Item, d.EntityId)));
        Assert.False(Directory.Exists(_site.Paths.RunFolder(RetentionSite.Project, "r0")));
        Assert.True(Directory.Exists(_site.Paths.RunFolder(RetentionSite.Project, "r2")));
        Assert.Equal("the run is held for approval", Assert.Single(report.Kept, k => k.EntityId == "r2").Reason);
        Assert.Equal("it is the project's last completed run, whose linkage map is the project's current one", Assert.Single(report.Kept, k => k.EntityId == "r1").Reason);
        Assert.True(Directory.Exists(_site.Paths.RunFolder(RetentionSite.Project, "r1")));
        Assert.Equal("deleted", (await _site.Ledger.GetHistoryAsync("r0", CancellationToken.None))[^1].Action);
        Assert.True((await _site.Ledger.VerifyAuditChainAsync(CancellationToken.None)).IsIntact);
    }

    [Fact]
    public async Task RunAsync_QuarantineAndReceiptsOlderThanTheirPeriods_AreRemovedEachInItsTime()
    {
        _site.SourceRetention("welfare", """{ "quarantine": "P30D", "receipts": "P60D" }""");
        var rejected = await RejectedAsync("welfare");
        var quarantined = new[] { QuarantineFiles.Delivery(_site.Paths, "welfare", rejected.Id, rejected.OriginalName), QuarantineFiles.Reason(_site.Paths, "welfare", rejected.Id) };
        var receipts = new[] { ReceiptNames.Text(rejected), ReceiptNames.Json(rejected) }.Select(n => Path.Combine(_site.Paths.OutboxFolder("welfare"), n)).ToArray();
        var unrelated = Path.Combine(_site.Paths.OutboxFolder("welfare"), "CONTRACT.md");
        foreach (var file in quarantined.Concat(receipts).Append(unrelated))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, "x", CancellationToken.None);
        }

        _site.Time.Advance(TimeSpan.FromDays(31));
        var first = await _site.Sweep().RunAsync(CancellationToken.None);

        Assert.Equal([(RetainedItem.Quarantine, rejected.Id)], first.Deleted.Select(d => (d.Item, d.EntityId)));
        Assert.All(quarantined, f => Assert.False(File.Exists(f), f));
        Assert.All(receipts, f => Assert.True(File.Exists(f), f));

        _site.Time.Advance(TimeSpan.FromDays(30));
        var second = await _site.Sweep().RunAsync(CancellationToken.None);

        Assert.Equal([(RetainedItem.Receipts, rejected.Id)], second.Deleted.Select(d => (d.Item, d.EntityId)));
        Assert.All(receipts, f => Assert.False(File.Exists(f), f));
        Assert.True(File.Exists(unrelated));
        var history = await _site.Ledger.GetHistoryAsync(rejected.Id, CancellationToken.None);
        Assert.Equal(2, history.Count(h => h.Action == "deleted"));
        Assert.True((await _site.Ledger.VerifyAuditChainAsync(CancellationToken.None)).IsIntact);
    }

    [Fact]
    public async Task RunAsync_StoppedAfterTheRecordBeforeTheFileWent_ChecksPassAndTheNextPassFinishesWithoutASecondRow()
    {
        var january = await JanuaryPastItsPeriodAsync();

        var interrupted = await _site.Sweep(new FailingEraser()).RunAsync(CancellationToken.None);

        Assert.Equal([january.Id], interrupted.Failed.Select(f => f.EntityId));
        Assert.True(File.Exists(StoredCopy(january)));
        Assert.True((await _site.Store().CheckAsync(CancellationToken.None)).IsIntact);
        Assert.True((await _site.Ledger.VerifyAuditChainAsync(CancellationToken.None)).IsIntact);

        var next = await _site.Sweep().RunAsync(CancellationToken.None);

        Assert.Equal([january.Id], next.Deleted.Select(d => d.EntityId));
        Assert.False(File.Exists(StoredCopy(january)));
        Assert.Single(await _site.Ledger.GetHistoryAsync(january.Id, CancellationToken.None), h => h.Action == "deleted");
        Assert.Contains(_site.Log.Lines, l => l.EventId == 1404);
    }

    [Fact]
    public async Task RunAsync_CopyGoneWithoutARecord_IsRecordedAsAlreadyAbsentAndTheStoreCheckPassesAgain()
    {
        var january = await JanuaryPastItsPeriodAsync();
        File.Delete(StoredCopy(january));
        Assert.False((await _site.Store().CheckAsync(CancellationToken.None)).IsIntact);

        var report = await _site.Sweep().RunAsync(CancellationToken.None);

        Assert.Equal([january.Id], report.Deleted.Select(d => d.EntityId));
        Assert.True((await _site.Store().CheckAsync(CancellationToken.None)).IsIntact);
        Assert.True(Assert.Single(await _site.Ledger.GetDeletionsAsync(CancellationToken.None)).AlreadyAbsent);
        Assert.Contains("\"alreadyAbsent\":true", (await _site.Ledger.GetHistoryAsync(january.Id, CancellationToken.None))[^1].Detail, StringComparison.Ordinal);
        Assert.Contains(_site.Log.Lines, l => l.EventId == 1403);
    }

    [Fact]
    public async Task RunAsync_LedgerThatFailsItsCheck_DeletesNothing()
    {
        var january = await JanuaryPastItsPeriodAsync();
        File.AppendAllText(_site.Paths.AuditAnchorFile, "not a head\n");

        var report = await _site.Sweep().RunAsync(CancellationToken.None);

        Assert.NotNull(report.Untrusted);
        Assert.True(File.Exists(StoredCopy(january)));
        Assert.Empty(await _site.Ledger.GetDeletionsAsync(CancellationToken.None));
    }

    /// <summary>January's and February's deliveries, each linked by the default project; then 91 days after January's arrived.</summary>
    private async Task<Delivery> JanuaryPastItsPeriodAsync()
    {
        var (january, _) = await MonthlyRunAsync("r1");
        _site.Time.Advance(Month);
        await MonthlyRunAsync("r2");
        _site.Time.Advance(TimeSpan.FromDays(61));
        return january;
    }

    /// <summary>A month's justice and welfare deliveries, linked by the default project in a completed run.</summary>
    private async Task<(Delivery Justice, Delivery Welfare)> MonthlyRunAsync(string runId)
    {
        var justice = await _site.AcceptedAsync("justice");
        var welfare = await _site.AcceptedAsync("welfare");
        _site.Time.Advance(TimeSpan.FromHours(1));
        await _site.CompletedRunAsync(runId, RetentionSite.Project, justice, welfare);
        return (justice, welfare);
    }

    private async Task<Delivery> RejectedAsync(string source)
    {
        var received = await _site.Ledger.RecordReceivedAsync(new NewDelivery(source, "claims_1.csv", 10, _site.Time.GetUtcNow()), CancellationToken.None);
        await _site.Ledger.MarkStoredAsync(received.Id, new StoredFile(new string('a', 64), 10), CancellationToken.None);
        var quarantine = QuarantineFiles.Delivery(_site.Paths, source, received.Id, received.OriginalName);
        await _site.Ledger.RecordOutcomeAsync(received.Id, new DeliveryOutcome { State = DeliveryState.Rejected, Reasons = ["bad rows"], QuarantinePath = quarantine }, CancellationToken.None);
        return await _site.Ledger.MarkSettledAsync(received.Id, CancellationToken.None);
    }

    private string StoredCopy(Delivery delivery) => StoreFiles.Delivery(_site.Paths, delivery.Source, delivery.Id, delivery.OriginalName);

    /// <summary>The process stopped (or the disk refused) after the ledger recorded the deletion, before the file went.</summary>
    private sealed class FailingEraser : IFileEraser
    {
        public void Erase(IReadOnlyList<string> paths) => throw new IOException("stopped before the file went");
    }
}
