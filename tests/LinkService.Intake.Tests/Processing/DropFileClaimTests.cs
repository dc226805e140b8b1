using LinkService.Intake.Tests.Support;
using LinkService.Ledger.Deliveries;

namespace LinkService.Intake.Tests.Processing;

/// <summary>
/// Two nodes sharing one inbox and one ledger (cluster mode): each drop file is claimed in the ledger by the node taking
/// it, and the other leaves it alone. The second "node" here is a second intake over the same folders and ledger.
/// </summary>
public sealed class DropFileClaimTests : IDisposable
{
    private const string Content = "id,surname\n1,HARGREAVES\n";
    private readonly IntakeHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task RunAsync_DropFileClaimedByAnotherNode_IsLeftAloneUntilTheClaimIsReleased()
    {
        _harness.Drop("offenders_1.csv", Content);
        var otherNode = await _harness.Ledger.TryClaimDropFileAsync("justice", "offenders_1.csv", CancellationToken.None);
        Assert.NotNull(otherNode);

        await _harness.RunUntilQuietAsync(_harness.NewCycle());

        Assert.Empty(await _harness.DeliveriesAsync());
        Assert.True(File.Exists(_harness.DropPath("offenders_1.csv")));

        await otherNode.DisposeAsync();
        await _harness.RunUntilQuietAsync(_harness.NewCycle());

        Assert.Equal(DeliveryState.Accepted, Assert.Single(await _harness.DeliveriesAsync()).State);
    }

    [Fact]
    public async Task RunAsync_DeliveryBeingCheckedOnAnotherNode_IsNeitherResumedNorTakenAgainHere()
    {
        var gate = new GatedCheck();
        var first = _harness.NewCycle(check: gate);
        await first.RunAsync(null, CancellationToken.None);
        _harness.Drop("offenders_1.csv", Content);
        await first.RunAsync(null, CancellationToken.None);
        _harness.Time.Advance(_harness.Options.FallbackQuietPeriod);
        var taking = first.RunAsync(null, CancellationToken.None);
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var second = _harness.NewCycle();
        await _harness.RunUntilQuietAsync(second);

        Assert.Empty(_harness.Check.Checked);
        Assert.Equal(DeliveryState.Stored, Assert.Single(await _harness.DeliveriesAsync()).State);

        gate.Release();
        await taking;
        await second.RunAsync(null, CancellationToken.None);

        Assert.Empty(_harness.Check.Checked);
        Assert.Equal(DeliveryState.Accepted, Assert.Single(await _harness.DeliveriesAsync()).State);
    }

    [Fact]
    public async Task RunAsync_FileTakenByAnotherNodeAfterThisNodeListedIt_IsNotRecordedAgain()
    {
        var first = _harness.Drop("offenders_1.csv", Content);
        File.SetLastWriteTimeUtc(first, File.GetLastWriteTimeUtc(first).AddMinutes(-1));
        _harness.Drop("offenders_2.csv", Content + "2,OKONKWO\n");
        var gate = new GatedCheck();
        var slow = _harness.NewCycle(check: gate);
        await slow.RunAsync(null, CancellationToken.None);
        _harness.Time.Advance(_harness.Options.FallbackQuietPeriod);
        var taking = slow.RunAsync(null, CancellationToken.None);
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // While the slow node checks the first file, another takes the second, which the slow node listed too.
        await _harness.RunUntilQuietAsync(_harness.NewCycle());
        gate.Release();
        await taking;
        await slow.RunAsync(null, CancellationToken.None);

        var deliveries = await _harness.DeliveriesAsync();
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(DeliveryState.Accepted, d.State));
    }
}
