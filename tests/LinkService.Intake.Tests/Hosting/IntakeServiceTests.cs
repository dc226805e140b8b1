using LinkService.Intake.Tests.Support;
using LinkService.Ledger.Deliveries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LinkService.Intake.Tests.Hosting;

public sealed class IntakeServiceTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);
    private readonly IntakeHarness _harness = new(Sources.Justice(quiet: TimeSpan.FromMilliseconds(300)));

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task ExecuteAsync_500FilesDroppedAtOnce_EachTakenExactlyOnce()
    {
        await using var intake = await RunningIntake.StartAsync(_harness, _harness.Check);

        for (var i = 0; i < 500; i++)
        {
            _harness.Drop($"offenders_{i:D3}.csv", $"id\n{i}\n");
        }

        Assert.True(await Eventually.TrueAsync(async () => (await SettledAsync()).Count == 500, Timeout), "not all 500 files were taken in time");
        var deliveries = await _harness.DeliveriesAsync();
        Assert.Equal(500, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(DeliveryState.Accepted, d.State));
        Assert.Equal(500, deliveries.Select(d => d.OriginalName).Distinct().Count());
        Assert.Equal(500, _harness.Check.Checked.Select(c => c.DeliveryId).Distinct().Count());
        Assert.Equal(500, _harness.Check.Checked.Count);
        Assert.Equal(1000, IntakeHarness.FilesIn(_harness.Paths.ReceiptsFolder("justice")).Count(f => f.Contains(".receipt.", StringComparison.Ordinal)));
        Assert.Empty(IntakeHarness.FilesIn(_harness.Paths.InboxFolder("justice")));
    }

    [Fact]
    public async Task ExecuteAsync_SweepOnlyOncePerHour_WatcherHintStillTakesTheFilePromptly()
    {
        var settings = new Dictionary<string, string?> { ["LinkService:Intake:SweepInterval"] = "01:00:00", ["LinkService:Intake:HintDelay"] = "00:00:00.100" };
        using var host = RunningIntake.Build(_harness, _harness.Check, settings);
        await host.StartAsync(TestContext.Current.CancellationToken);
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(Directory.Exists(_harness.Paths.ReceiptsFolder("justice"))), Timeout));

        _harness.Drop("offenders_1.csv", "id\n1\n");

        Assert.True(await Eventually.TrueAsync(async () => (await SettledAsync()).Count == 1, TimeSpan.FromSeconds(20)));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData(typeof(PlatformNotSupportedException))]
    [InlineData(typeof(UnauthorizedAccessException))]
    public async Task ExecuteAsync_FolderCannotBeWatched_SweepAloneTakesEveryFile(Type failure)
    {
        var unwatchable = new FailingFileSystem(_harness.Paths.StagingRoot, long.MaxValue, () => (Exception)Activator.CreateInstance(failure, "This folder cannot be watched.")!);
        using var host = RunningIntake.Build(_harness, _harness.Check, fileSystem: unwatchable);
        await host.StartAsync(TestContext.Current.CancellationToken);

        for (var i = 0; i < 20; i++)
        {
            _harness.Drop($"offenders_{i}.csv", $"id\n{i}\n");
        }

        Assert.True(await Eventually.TrueAsync(async () => (await SettledAsync()).Count == 20, Timeout));
        await host.StopAsync(TestContext.Current.CancellationToken);
        Assert.Contains(_harness.Logs.Lines, l => l.Contains(" 3011 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SweepAsync_SweepsScheduledByTheHostAndAFolderThatCannotBeWatched_ASweepAskedForTakesTheFiles()
    {
        var unwatchable = new FailingFileSystem(_harness.Paths.StagingRoot, long.MaxValue, () => new PlatformNotSupportedException("This folder cannot be watched."));
        using var host = RunningIntake.Build(_harness, _harness.Check, fileSystem: unwatchable, scheduledSweeps: true);
        await host.StartAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s.GetType().Name == "PeriodicSweep");
        for (var i = 0; i < 5; i++)
        {
            _harness.Drop($"offenders_{i}.csv", $"id\n{i}\n");
        }

        await host.Services.GetRequiredService<LinkService.Intake.Hosting.IntakeSweeps>().SweepAsync(TestContext.Current.CancellationToken);

        Assert.True(await Eventually.TrueAsync(async () => (await SettledAsync()).Count == 5, Timeout));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ExecuteAsync_OneSourcesDropFolderUnusable_OtherSourcesStillTaken()
    {
        var welfare = Sources.Justice(quiet: TimeSpan.FromMilliseconds(300));
        welfare.Name = "welfare";
        using var harness = new IntakeHarness(Sources.Justice(quiet: TimeSpan.FromMilliseconds(300)), welfare);
        Directory.Delete(harness.Paths.DropFolder("welfare"), recursive: true);
        await File.WriteAllTextAsync(harness.Paths.DropFolder("welfare"), "a file where the folder should be", TestContext.Current.CancellationToken);

        await using (await RunningIntake.StartAsync(harness, harness.Check))
        {
            harness.Drop("offenders_1.csv", "id\n1\n");
            Assert.True(
                await Eventually.TrueAsync(async () => (await harness.DeliveriesAsync()).Any(d => d.SettledAt is not null), TimeSpan.FromSeconds(20)),
                "the justice delivery was not taken");
        }
    }

    [Fact]
    public async Task ExecuteAsync_PartialCopyLeftInStagingByACrash_IsRemovedAndTheDeliveryTakenOnce()
    {
        var path = _harness.Drop("offenders_1.csv", "id\n1\n");
        var info = new FileInfo(path);
        var received = await _harness.Ledger.RecordReceivedAsync(new NewDelivery("justice", info.Name, info.Length, info.LastWriteTimeUtc), CancellationToken.None);
        Directory.CreateDirectory(_harness.Paths.StagingRoot);
        await File.WriteAllTextAsync(Path.Combine(_harness.Paths.StagingRoot, received.Id + ".csv"), "id\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_harness.Paths.StagingRoot, "validation-spill.bin"), "not intake's", TestContext.Current.CancellationToken);

        await using (await RunningIntake.StartAsync(_harness, _harness.Check))
        {
            // The upload's writer closes the file after the restart: otherwise, there from before, it waits minutes.
            await File.AppendAllTextAsync(path, "", TestContext.Current.CancellationToken);
            Assert.True(await Eventually.TrueAsync(async () => (await SettledAsync()).Count == 1, Timeout));
        }

        var delivery = Assert.Single(await _harness.DeliveriesAsync());
        Assert.Equal((received.Id, DeliveryState.Accepted, 5L), (delivery.Id, delivery.State, delivery.Bytes));
        Assert.Equal(["validation-spill.bin"], IntakeHarness.FilesIn(_harness.Paths.StagingRoot));
    }

    [Fact]
    public async Task StartAsync_NoDeliveryCheckRegistered_RefusesToStartAndTakesNothing()
    {
        _harness.Drop("offenders_1.csv", "id\n1\n");
        using var host = RunningIntake.Build(_harness, check: null);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Intake has no delivery check registered", failure.Message, StringComparison.Ordinal);
        Assert.Empty(await _harness.DeliveriesAsync());
        Assert.True(File.Exists(Path.Combine(_harness.Paths.InboxFolder("justice"), "offenders_1.csv")));
    }

    [Fact]
    public async Task StartAsync_SweepIntervalOfZero_FailsBeforeIntakeRuns()
    {
        using var host = RunningIntake.Build(_harness, _harness.Check, new Dictionary<string, string?> { ["LinkService:Intake:SweepInterval"] = "00:00:00" });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("SweepInterval", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:30")]
    [InlineData("2.00:00:00")]
    public async Task StartAsync_FallbackQuietPeriodOutOfRange_FailsNamingTheKey(string period)
    {
        using var host = RunningIntake.Build(_harness, _harness.Check, new Dictionary<string, string?> { ["LinkService:Intake:FallbackQuietPeriod"] = period });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("FallbackQuietPeriod", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_TemporaryPatternWithAFolder_FailsNamingTheKey()
    {
        using var host = RunningIntake.Build(_harness, _harness.Check, new Dictionary<string, string?> { ["LinkService:Intake:TemporaryPatterns:0"] = "uploads/*.csv" });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("TemporaryPatterns", failure.Message, StringComparison.Ordinal);
        Assert.Contains("uploads/*.csv", failure.Message, StringComparison.Ordinal);
    }

    private async Task<List<Delivery>> SettledAsync() =>
        [.. (await _harness.DeliveriesAsync()).Where(d => d.SettledAt is not null)];
}
