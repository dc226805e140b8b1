using LinkService.Deliveries.Store;
using LinkService.Ledger.Deliveries;
using LinkService.Tests.Support;

namespace LinkService.Tests.Cli;

/// <summary><c>linkservice deliveries release|reject ID</c> on a delivery held for its size, beside the service.</summary>
public sealed class DeliveriesCommandTests : IDisposable
{
    private readonly ServiceFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Release_HeldDelivery_MakesItTheSourcesCurrentDeliveryAndARepeatIsHarmless()
    {
        var held = await HoldAsync();

        var result = await Support.Cli.RunAsync("deliveries", "release", held, "--config", _folder.ConfigDirectory);
        var again = await Support.Cli.RunAsync("deliveries", "release", held, "--config", _folder.ConfigDirectory);

        result.AssertExitCode(0);
        again.AssertExitCode(0);
        using var opened = new OpenedLedger(_folder);
        Assert.Equal(held, (await opened.Ledger.GetAcceptedDeliveriesAsync("justice", 1, CancellationToken.None))[0].Id);
        Assert.True((await opened.Ledger.VerifyAuditChainAsync(CancellationToken.None)).IsIntact);
    }

    [Fact]
    public async Task Reject_HeldDelivery_QuarantinesItAndAReleaseAfterwardsExitsOne()
    {
        var held = await HoldAsync();

        var result = await Support.Cli.RunAsync("deliveries", "reject", held, "--reason", "a truncated extract", "--config", _folder.ConfigDirectory);
        var release = await Support.Cli.RunAsync("deliveries", "release", held, "--config", _folder.ConfigDirectory);

        result.AssertExitCode(0);
        release.AssertExitCode(1);
        using var opened = new OpenedLedger(_folder);
        var rejected = (await opened.Ledger.GetDeliveryAsync(held, CancellationToken.None))!;
        Assert.Equal(DeliveryState.Rejected, rejected.State);
        Assert.True(File.Exists(rejected.QuarantinePath));
        Assert.Contains("a truncated extract", rejected.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Release_NoSuchDelivery_ExitsTwoAsApproveDoesForNoSuchRun()
    {
        await HoldAsync();

        var result = await Support.Cli.RunAsync("deliveries", "release", "20261129T000000Z-nope", "--config", _folder.ConfigDirectory);

        result.AssertExitCode(2);
        Assert.Equal("There is no delivery '20261129T000000Z-nope' of a configured source ('linkservice status' lists the deliveries held).", result.Error.Trim());
    }

    private async Task<string> HoldAsync()
    {
        using var opened = new OpenedLedger(_folder);
        var received = await opened.Ledger.RecordReceivedAsync(new NewDelivery("justice", "offenders_2.csv", 4, DateTimeOffset.UnixEpoch), CancellationToken.None);
        var store = StoreFiles.Delivery(_folder.Paths, "justice", received.Id, received.OriginalName);
        Directory.CreateDirectory(Path.GetDirectoryName(store)!);
        await File.WriteAllTextAsync(store, "id\n1\n", TestContext.Current.CancellationToken);
        await opened.Ledger.MarkStoredAsync(received.Id, new StoredFile(new string('0', 64), 5), CancellationToken.None);
        await opened.Ledger.RecordOutcomeAsync(received.Id, new DeliveryOutcome { State = DeliveryState.Held, Reasons = ["1 rows accepted, against 1,000"], AcceptedRows = 1 }, CancellationToken.None);
        await opened.Ledger.MarkSettledAsync(received.Id, CancellationToken.None);
        Directory.CreateDirectory(_folder.Paths.OutboxFolder("justice"));
        Directory.CreateDirectory(_folder.Paths.QuarantineFolder("justice"));
        return received.Id;
    }
}
