using LinkService.Intake.Processing;
using LinkService.Intake.Tests.Support;
using LinkService.Ledger.Deliveries;
using LinkService.Deliveries.Store;

namespace LinkService.Intake.Tests.Processing;

/// <summary>Each crash point of intake, left as a killed process leaves it, then a fresh intake on the same folders and ledger.</summary>
public sealed class DeliveryRecoveryTests : IDisposable
{
    private const string Name = "offenders_1.csv";
    private const string Content = "id,surname\n1,HARGREAVES\n";
    private readonly IntakeHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task ResumeAsync_CrashMidCopy_FreshIntakeStoresTheWholeFileExactlyOnce()
    {
        var content = string.Concat(Enumerable.Repeat("1234567,SURNAME,FORENAME,1980-01-01\n", 60_000));
        _harness.Drop(Name, content);
        var crashing = _harness.NewCycle(new FailingFileSystem(_harness.Paths.StagingRoot, 1 << 20), new IntakeOptions { CopyBufferBytes = 64 * 1024 });
        await _harness.RunUntilQuietAsync(crashing);
        var interrupted = Assert.Single(await _harness.DeliveriesAsync());
        Assert.Equal(DeliveryState.Received, interrupted.State);
        Assert.True(File.Exists(_harness.DropPath(Name)));

        _harness.ReopenLedger();
        await _harness.RunUntilQuietAsync(_harness.NewCycle());

        var delivery = Assert.Single(await _harness.DeliveriesAsync());
        Assert.Equal(interrupted.Id, delivery.Id);
        Assert.Equal(DeliveryState.Accepted, delivery.State);
        Assert.Equal(IntakeHarness.Sha256Of(content), delivery.Sha256);
        Assert.Equal(content, await File.ReadAllTextAsync(StoreFiles.Delivery(_harness.Paths, delivery.Source, delivery.Id, delivery.OriginalName), TestContext.Current.CancellationToken));
        Assert.False(File.Exists(_harness.DropPath(Name)));
        Assert.Single(_harness.Check.Checked);
        Assert.True((await _harness.Ledger.VerifyAuditChainAsync(CancellationToken.None)).IsIntact);
    }

    [Fact]
    public async Task TakeAsync_CopyFailsWithoutACrash_PartialCopyRemovedFromStaging()
    {
        _harness.Drop(Name, string.Concat(Enumerable.Repeat("1234567,SURNAME,FORENAME,1980-01-01\n", 60_000)));
        var failing = _harness.NewCycle(new FailingFileSystem(_harness.Paths.StagingRoot, 1 << 20), new IntakeOptions { CopyBufferBytes = 64 * 1024 });

        await _harness.RunUntilQuietAsync(failing);

        Assert.Equal(DeliveryState.Received, Assert.Single(await _harness.DeliveriesAsync()).State);
        Assert.Empty(IntakeHarness.FilesIn(_harness.Paths.StagingRoot));
    }

    [Fact]
    public async Task ResumeAsync_CrashMidCopyThenDropFileRewritten_NewContentTakenOnceAndDropLeftEmpty()
    {
        var content = string.Concat(Enumerable.Repeat("1234567,SURNAME,FORENAME,1980-01-01\n", 60_000));
        _harness.Drop(Name, content);
        var crashing = _harness.NewCycle(new FailingFileSystem(_harness.Paths.StagingRoot, 1 << 20), new IntakeOptions { CopyBufferBytes = 64 * 1024 });
        await _harness.RunUntilQuietAsync(crashing);
        const string Resent = "id,surname\n2,OKONKWO\n";
        _harness.Drop(Name, Resent);

        var cycle = _harness.NewCycle();
        await _harness.RunUntilQuietAsync(cycle);
        await _harness.RunUntilQuietAsync(cycle);

        var delivery = Assert.Single(await _harness.DeliveriesAsync());
        Assert.Equal((DeliveryState.Accepted, IntakeHarness.Sha256Of(Resent)), (delivery.State, delivery.Sha256));
        Assert.False(File.Exists(_harness.DropPath(Name)));
    }

    [Fact]
    public async Task ResumeAsync_CrashAfterRenameBeforeLedger_HashesTheStoreCopyAndFinishesOnce()
    {
        var received = await ReceivedAsync();
        File.Copy(_harness.DropPath(Name), StorePath(received));

        await _harness.NewCycle().RunAsync(null, CancellationToken.None);

        var delivery = Assert.Single(await _harness.DeliveriesAsync());
        Assert.Equal(DeliveryState.Accepted, delivery.State);
        Assert.Equal(IntakeHarness.Sha256Of(Content), delivery.Sha256);
        Assert.False(File.Exists(_harness.DropPath(Name)));
        Assert.Single(_harness.Check.Checked);
    }

    [Fact]
    public async Task ResumeAsync_CrashAfterStoredBeforeOriginalRemoved_RemovesItWithoutASecondDelivery()
    {
        var stored = await StoredAsync();

        await _harness.RunUntilQuietAsync(_harness.NewCycle());

        var delivery = Assert.Single(await _harness.DeliveriesAsync());
        Assert.Equal((stored.Id, DeliveryState.Accepted), (delivery.Id, delivery.State));
        Assert.False(File.Exists(_harness.DropPath(Name)));
        Assert.True(File.Exists(Path.Combine(_harness.Paths.ReceiptsFolder("justice"), Intake.Receipts.ReceiptNames.Json(stored))));
    }

    [Fact]
    public async Task ResumeAsync_CrashAfterRejectionRecordedBeforeQuarantine_MovesItAndSettlesWithoutCheckingAgain()
    {
        var stored = await StoredAsync();
        File.Delete(_harness.DropPath(Name));
        var quarantine = Path.Combine(_harness.Paths.QuarantineFolder("justice"), stored.Id + ".csv");
        await _harness.Ledger.RecordOutcomeAsync(stored.Id, new DeliveryOutcome { State = DeliveryState.Rejected, Reasons = ["row 2: bad"], QuarantinePath = quarantine }, CancellationToken.None);

        await _harness.NewCycle().RunAsync(null, CancellationToken.None);

        var delivery = Assert.Single(await _harness.DeliveriesAsync());
        Assert.NotNull(delivery.SettledAt);
        Assert.Equal(Content, await File.ReadAllTextAsync(quarantine, TestContext.Current.CancellationToken));
        Assert.False(File.Exists(StoreFiles.Delivery(_harness.Paths, stored.Source, stored.Id, stored.OriginalName)));
        Assert.Empty(_harness.Check.Checked);
    }

    [Fact]
    public async Task ResumeAsync_ReceivedButFileGoneFromDrop_RecordsItRefusedSoTheRecordEnds()
    {
        await ReceivedAsync();
        File.Delete(_harness.DropPath(Name));

        await _harness.NewCycle().RunAsync(null, CancellationToken.None);

        var delivery = Assert.Single(await _harness.DeliveriesAsync());
        Assert.Equal(DeliveryState.Refused, delivery.State);
        Assert.Equal([DeliveryRecovery.Vanished], delivery.Reasons);
        Assert.NotNull(delivery.SettledAt);
    }

    [Fact]
    public async Task ResumeAsync_StoredAndDropNameReusedByANewUpload_NewUploadIsKeptAndTakenSeparately()
    {
        var stored = await StoredAsync();
        const string Newer = "id,surname\n2,OKONKWO\n3,ADEYEMI\n";
        await File.WriteAllTextAsync(_harness.DropPath(Name), Newer, TestContext.Current.CancellationToken);

        await _harness.RunUntilQuietAsync(_harness.NewCycle());

        var deliveries = await _harness.DeliveriesAsync();
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(DeliveryState.Accepted, d.State));
        Assert.Equal(IntakeHarness.Sha256Of(Newer), deliveries.Single(d => d.Id != stored.Id).Sha256);
    }

    [Fact]
    public async Task ResumeAsync_DropFileGrewAfterItWasTaken_RecordedAndTheWholeFileTakenAsANewDelivery()
    {
        var stored = await StoredAsync();
        const string More = "2,OKONKWO\n";
        await File.AppendAllTextAsync(_harness.DropPath(Name), More, TestContext.Current.CancellationToken);

        await _harness.RunUntilQuietAsync(_harness.NewCycle());

        var deliveries = await _harness.DeliveriesAsync();
        Assert.Equal(2, deliveries.Count);
        var grown = deliveries.Single(d => d.Id != stored.Id);
        Assert.Equal((DeliveryState.Accepted, Content + More), (grown.State, await File.ReadAllTextAsync(StorePath(grown), TestContext.Current.CancellationToken)));
        Assert.Contains(_harness.Logs.Lines, l => l.Contains(" 3201 ", StringComparison.Ordinal) && l.Contains(stored.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResumeAsync_StoredAndDropOriginalReplacedByALink_LinkIsRefusedAndRemovedNotKept()
    {
        var stored = await StoredAsync();
        File.Delete(_harness.DropPath(Name));
        File.CreateSymbolicLink(_harness.DropPath(Name), "/etc/hostname");

        await _harness.NewCycle().RunAsync(null, CancellationToken.None);

        var deliveries = await _harness.DeliveriesAsync();
        Assert.Equal(DeliveryState.Accepted, deliveries.Single(d => d.Id == stored.Id).State);
        var link = deliveries.Single(d => d.Id != stored.Id);
        Assert.Equal(DeliveryState.Refused, link.State);
        Assert.Null(new FileInfo(link.QuarantinePath!).LinkTarget);
        Assert.Null(new FileInfo(_harness.DropPath(Name)).LinkTarget);
    }

    [Fact]
    public async Task ResumeAsync_CheckKeepsThrowing_RetriedWithGrowingPausesThenFinishedOnceItWorks()
    {
        var throwing = new ThrowingCheck();
        await StoredAsync();
        var cycle = _harness.NewCycle(check: throwing);

        for (var second = 0; second < 60; second++)
        {
            await cycle.RunAsync(null, CancellationToken.None);
            _harness.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(3, throwing.Calls);
        throwing.Fails = false;
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        await cycle.RunAsync(null, CancellationToken.None);
        Assert.Equal(DeliveryState.Accepted, Assert.Single(await _harness.DeliveriesAsync()).State);
    }

    private async Task<Delivery> ReceivedAsync()
    {
        var path = _harness.Drop(Name, Content);
        var info = new FileInfo(path);
        var received = await _harness.Ledger.RecordReceivedAsync(new NewDelivery("justice", Name, info.Length, info.LastWriteTimeUtc), CancellationToken.None);
        Directory.CreateDirectory(_harness.Paths.StoreFolder("justice"));
        return received;
    }

    private async Task<Delivery> StoredAsync()
    {
        var received = await ReceivedAsync();
        File.Copy(_harness.DropPath(Name), StorePath(received));
        return await _harness.Ledger.MarkStoredAsync(received.Id, new StoredFile(IntakeHarness.Sha256Of(Content), Content.Length), CancellationToken.None);
    }

    private string StorePath(Delivery delivery) => Path.Combine(_harness.Paths.StoreFolder("justice"), delivery.Id + ".csv");
}
