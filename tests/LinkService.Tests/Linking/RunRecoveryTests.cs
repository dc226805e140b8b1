using LinkService.Ledger;
using LinkService.Ledger.Runs;
using LinkService.Linking;
using LinkService.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LinkService.Tests.Linking;

/// <summary>The default project is scheduled for 02:00 every night (config/projects/reoffending-benefits.json).</summary>
public sealed class RunRecoveryTests : IDisposable
{
    private const string Project = "reoffending-benefits";
    private readonly ServiceFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
    private readonly OpenedLedger _ledger;
    private readonly RecordingTrigger _trigger = new();

    public RunRecoveryTests()
    {
        _ledger = new OpenedLedger(_folder, _time);
    }

    private ILedger Ledger => _ledger.Ledger;

    public void Dispose()
    {
        _ledger.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task StartAsync_RunLeftRunningByACrash_IsRecordedAsFailedAndRunAgain()
    {
        await Ledger.StartRunAsync(new RunStart("r1", Project, "runs/r1", [], Owners.Other), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));

        await Recovery().StartAsync(CancellationToken.None);

        var run = await Ledger.GetRunAsync("r1", CancellationToken.None);
        Assert.Equal(RunState.Failed, run!.State);
        Assert.Contains("interrupted", run.FailureReason, StringComparison.Ordinal);
        Assert.Equal([Project], _trigger.Triggered);
    }

    [Fact]
    public async Task StartAsync_ScheduledTimePassedWhileStopped_RunsTheProjectOnce()
    {
        await CompletedRunAsync("r1");
        _time.Advance(TimeSpan.FromDays(2));

        await Recovery().StartAsync(CancellationToken.None);

        Assert.Equal([Project], _trigger.Triggered);
    }

    [Fact]
    public async Task StartAsync_NextScheduledTimeStillAhead_RunsNothing()
    {
        await CompletedRunAsync("r1");
        _time.Advance(TimeSpan.FromSeconds(30));

        await Recovery().StartAsync(CancellationToken.None);

        Assert.Empty(_trigger.Triggered);
    }

    [Fact]
    public async Task StartAsync_ProjectNeverRun_WaitsForItsSchedule()
    {
        await Recovery().StartAsync(CancellationToken.None);

        Assert.Empty(_trigger.Triggered);
    }

    private async Task CompletedRunAsync(string runId)
    {
        await Ledger.StartRunAsync(new RunStart(runId, Project, "runs/" + runId, [], Owners.Other), CancellationToken.None);
        await Ledger.CompleteRunAsync(runId, new Dictionary<string, long>(), CancellationToken.None);
    }

    private RunRecovery Recovery()
    {
        return new RunRecovery(_folder.LoadCatalog(), Ledger, _trigger, _time, NullLogger<RunRecovery>.Instance);
    }

    private sealed class RecordingTrigger : ILinkageTrigger
    {
        public List<string> Triggered { get; } = [];

        public Task TriggerNowAsync(string project, CancellationToken cancellationToken)
        {
            Triggered.Add(project);
            return Task.CompletedTask;
        }
    }
}
