using LinkService.Audit;
using LinkService.Ledger;
using LinkService.Ledger.Runs;
using LinkService.Linking;
using LinkService.Progress;
using LinkService.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LinkService.Tests.Linking;

public sealed class ProjectRunnerTests : IDisposable
{
    private const string Project = "reoffending-benefits";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly ServiceFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
    private readonly OpenedLedger _ledger;
    private readonly BlockingLinkageRunner _linkage = new();

    public ProjectRunnerTests()
    {
        _ledger = new OpenedLedger(_folder, _time);

        // Linking alone: the stages after it are OutputPipelineTests'.
        _folder.EditConfigJson(Path.Combine("projects", Project + ".json"), node => node.AsObject().Remove("outputs"));
    }

    private ILedger Ledger => _ledger.Ledger;

    public void Dispose()
    {
        _ledger.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task RunAsync_RunFolder_RecordsTheDeliveriesItLinkedWithTheirFilesAndDigests()
    {
        await AcceptBothSourcesAsync();
        _linkage.Finish();

        var outcome = await Runner().RunAsync(Project, "test", CancellationToken.None);

        using var inputs = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outcome.RunFolder!, "inputs.json"), TestContext.Current.CancellationToken));
        var recorded = inputs.RootElement.GetProperty("deliveries").EnumerateArray()
            .Select(d => (d.GetProperty("id").GetString(), d.GetProperty("source").GetString(), d.GetProperty("file").GetString(), d.GetProperty("sha256").GetString()))
            .ToList();
        var accepted = new List<(string?, string?, string?, string?)>();
        foreach (var source in new[] { "justice", "welfare" })
        {
            var delivery = (await Ledger.GetAcceptedDeliveriesAsync(source, 1, CancellationToken.None))[0];
            accepted.Add((delivery.Id, source, source + ".csv", delivery.Sha256));
        }

        Assert.Equal(accepted, recorded);
    }

    [Fact]
    public async Task RunAsync_ProjectRunningInAnotherProcess_IsNotStartedAndLeavesNoFolder()
    {
        await AcceptBothSourcesAsync();
        await Ledger.StartRunAsync(new RunStart("elsewhere", Project, "runs/elsewhere", [], Owners.Other), CancellationToken.None);

        var outcome = await Runner().RunAsync(Project, "test", CancellationToken.None);

        Assert.False(outcome.Succeeded);
        // The ledger runs on the test clock (12:00) with the default 60 s lease.
        Assert.Equal("run elsewhere is linking it in process 4242 on host node-b, whose lease runs until 2026-11-20 12:01:00 UTC; should that process have stopped, a link after then takes the run over", outcome.Message);
        Assert.False(Directory.Exists(Path.Combine(_folder.Paths.RunsRoot, Project)));
        Assert.Equal(["elsewhere"], (await Ledger.GetRunsInStateAsync(RunState.Running, CancellationToken.None)).Select(r => r.Id));
    }

    [Fact]
    public async Task RunAsync_ProjectHeldPastLinkingByAProcessOfThisHostThatIsGone_SaysSoAndThatALinkThenResumesIt()
    {
        // A link killed while making its outputs: a second link said the run "is linking it" and "should that process
        // have stopped", where status knew the process was gone and that the run would be resumed, not linked again
        // (found by a fresh-eyes tester).
        await AcceptBothSourcesAsync();
        using var exited = System.Diagnostics.Process.Start("true");
        await exited.WaitForExitAsync(CancellationToken.None);
        var gone = new RunOwner(Environment.MachineName, exited.Id);
        await Ledger.StartRunAsync(new RunStart("killed", Project, "runs/killed", [], gone), CancellationToken.None);
        await Ledger.RecordLinkedAsync("killed", gone, new Dictionary<string, long>(), CancellationToken.None);

        var outcome = await Runner().RunAsync(Project, "test", CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal(
            $"run killed has linked the project and is making its outputs (last stage: linked) in {gone}, whose lease runs until 2026-11-20 12:01:00 UTC; "
            + "that process is no longer running: a link after then resumes the run from where it stopped",
            outcome.Message);
    }

    [Fact]
    public async Task RunAsync_LongLinkage_LogsItsProgressEveryInterval()
    {
        await AcceptBothSourcesAsync();
        var logger = new CollectingLogger<LogProgressSink>();
        var run = Runner(new LogProgressSink(logger)).RunAsync(Project, "schedule", CancellationToken.None);
        var runId = Path.GetFileName(await _linkage.Started.WaitAsync(Timeout, TestContext.Current.CancellationToken));
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.Empty(logger.Lines);

        _time.Advance(TimeSpan.FromSeconds(1));

        var expected = $"Run {runId} of project {Project}: compare and score, {BlockingLinkageRunner.PairsDone} of {BlockingLinkageRunner.Pairs} candidate pairs (25.0 %) at 50 a second, about 15 s left";
        Assert.Equal([(1350, expected)], logger.Lines);
        _linkage.Finish();
        Assert.True((await run.WaitAsync(Timeout, TestContext.Current.CancellationToken)).Succeeded);
    }

    [Fact]
    public async Task RunAsync_RunLongerThanItsLease_RenewsItSoNobodyTakesItOver()
    {
        await AcceptBothSourcesAsync();
        var run = Runner().RunAsync(Project, "test", CancellationToken.None);
        await _linkage.Started.WaitAsync(Timeout, TestContext.Current.CancellationToken);
        var runId = Assert.Single(await Ledger.GetRunsInStateAsync(RunState.Running, CancellationToken.None)).Id;

        for (var renewal = 0; renewal < 6; renewal++)
        {
            _time.Advance(LeaseTerms.Default.RenewEvery);
            var expected = _time.GetUtcNow() + LeaseTerms.Default.Duration;
            await Eventually.TrueAsync(() => LeaseOf(runId) == expected, Timeout, "the run renews its lease");
        }

        var other = await Ledger.StartRunAsync(new RunStart("other", Project, "runs/other", [], Owners.Other), CancellationToken.None);
        _linkage.Finish();
        var outcome = await run.WaitAsync(Timeout, TestContext.Current.CancellationToken);

        Assert.Equal(runId, other.Holder?.Id);
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(RunState.Completed, (await Ledger.GetRunAsync(runId, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task RunAsync_RunTakenOverWhileItWorks_StopsAtItsNextRenewal()
    {
        await AcceptBothSourcesAsync();
        var run = Runner().RunAsync(Project, "test", CancellationToken.None);
        await _linkage.Started.WaitAsync(Timeout, TestContext.Current.CancellationToken);
        var runId = Assert.Single(await Ledger.GetRunsInStateAsync(RunState.Running, CancellationToken.None)).Id;
        await Ledger.FailRunAsync(runId, "interrupted: taken over by another node", CancellationToken.None);

        _time.Advance(LeaseTerms.Default.RenewEvery);
        var outcome = await run.WaitAsync(Timeout, TestContext.Current.CancellationToken);

        Assert.False(outcome.Succeeded);
        Assert.Equal("the run lost its lease to another process", outcome.Message);
        Assert.Equal("interrupted: taken over by another node", (await Ledger.GetRunAsync(runId, CancellationToken.None))!.FailureReason);
    }

    [Fact]
    public async Task RunAsync_StoppedBeforeItWroteAnything_RecordsItCancelledAndLeavesNoFolder()
    {
        await AcceptBothSourcesAsync();
        using var stop = new CancellationTokenSource();
        var run = Runner().RunAsync(Project, "test", stop.Token);
        var folder = await _linkage.Started.WaitAsync(Timeout, TestContext.Current.CancellationToken);
        Assert.True(Directory.Exists(folder));

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Timeout, TestContext.Current.CancellationToken));
        Assert.False(Directory.Exists(folder), "the cancelled run's empty folder is removed");
        var recorded = Assert.Single(await Ledger.GetRecentRunsAsync(Project, 5, CancellationToken.None));
        Assert.Equal((RunState.Failed, "cancelled: a stop was requested during the run"), (recorded.State, recorded.FailureReason));
    }

    private DateTimeOffset? LeaseOf(string runId) => Ledger.GetRunAsync(runId, CancellationToken.None).GetAwaiter().GetResult()?.Lease?.ExpiresAt;

    private async Task AcceptBothSourcesAsync()
    {
        foreach (var source in new[] { "justice", "welfare" })
        {
            await AcceptedDeliveries.RecordAsync(Ledger, _folder.Paths, source, $"{source}_id\n1\n", CancellationToken.None);
        }
    }

    private ProjectRunner Runner() => new Pipelines(_folder, Ledger, _time, new FakeOutputs(), Owners.Service).Runner(_linkage);

    private ProjectRunner Runner(IProgressSink progress) => new Pipelines(_folder, Ledger, _time, new FakeOutputs(), Owners.Service) { ProgressSink = progress }.Runner(_linkage);
}
