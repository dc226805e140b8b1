using LinkService.Cluster;
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
    private static readonly TimeSpan LeaseDuration = LeaseTerms.Default.Duration;
    private readonly ServiceFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
    private readonly OpenedLedger _ledger;
    private readonly RecordingTrigger _trigger = new();
    private readonly List<RunRecovery> _started = [];

    public RunRecoveryTests()
    {
        _ledger = new OpenedLedger(_folder, _time);
    }

    private ILedger Ledger => _ledger.Ledger;

    public void Dispose()
    {
        foreach (var recovery in _started)
        {
            recovery.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            recovery.Dispose();
        }

        _ledger.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task StartAsync_RunWhoseOwnerStoppedRenewingItsLease_IsRecordedAsFailedAndRunAgain()
    {
        await StartRunAsync("r1", Owners.Other);
        _time.Advance(LeaseDuration);

        await StartRecoveryAsync();

        var run = await Ledger.GetRunAsync("r1", CancellationToken.None);
        Assert.Equal(RunState.Failed, run!.State);
        Assert.Contains("interrupted: its owner, process 4242 on host node-b, stopped renewing its lease", run.FailureReason, StringComparison.Ordinal);
        Assert.Equal([Project], _trigger.Triggered);
    }

    [Fact]
    public async Task StartAsync_RunOfALiveLinkCommand_IsLeftToItAndItsProjectIsNotRun()
    {
        await CompletedRunAsync("r0");
        _time.Advance(TimeSpan.FromDays(2));
        await StartRunAsync("r1", Owners.Other);
        _time.Advance(TimeSpan.FromSeconds(10));

        await StartRecoveryAsync();

        Assert.Equal(RunState.Running, (await Ledger.GetRunAsync("r1", CancellationToken.None))!.State);
        Assert.Empty(_trigger.Triggered);
    }

    [Fact]
    public async Task StartAsync_LiveLeaseItsOwnerThenStopsRenewing_IsTakenOverOnceItExpires()
    {
        await StartRunAsync("r1", Owners.Other);
        await StartRecoveryAsync();
        Assert.Empty(_trigger.Triggered);

        _time.Advance(LeaseDuration);

        await _trigger.FirstTrigger.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(RunState.Failed, (await Ledger.GetRunAsync("r1", CancellationToken.None))!.State);
        Assert.Equal([Project], _trigger.Triggered);
    }

    [Fact]
    public async Task StartAsync_RunAbandonedAfterItLinked_IsResumedNotFailedAndNoNewRunIsStarted()
    {
        await CompletedRunAsync("r0");
        _time.Advance(TimeSpan.FromDays(2));
        await StartRunAsync("r1", Owners.Other);
        await Ledger.RecordLinkedAsync("r1", Owners.Other, new Dictionary<string, long>(), CancellationToken.None);
        _time.Advance(LeaseDuration);

        await StartRecoveryAsync();

        Assert.Equal(RunState.Running, (await Ledger.GetRunAsync("r1", CancellationToken.None))!.State);
        Assert.Equal(["r1"], _trigger.Resumed);
        Assert.Empty(_trigger.Triggered);
    }

    [Fact]
    public async Task StartAsync_RunLeftRunningBeforeLeasesExisted_IsRecordedAsFailedAndRunAgain()
    {
        await StartRunAsync("r1", Owners.Other);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_ledger.File};Pooling=False"))
        {
            connection.Open();
            using var legacy = connection.CreateCommand();
            legacy.CommandText = "UPDATE runs SET owner_host = NULL, owner_pid = NULL, lease_expires_at = NULL;";
            legacy.ExecuteNonQuery();
        }

        await StartRecoveryAsync();

        var run = await Ledger.GetRunAsync("r1", CancellationToken.None);
        Assert.Equal("interrupted: the service stopped or crashed during the run", run!.FailureReason);
        Assert.Equal([Project], _trigger.Triggered);
    }

    [Fact]
    public async Task StartAsync_ScheduledTimePassedWhileStopped_RunsTheProjectOnce()
    {
        await CompletedRunAsync("r1");
        _time.Advance(TimeSpan.FromDays(2));

        await StartRecoveryAsync();

        Assert.Equal([Project], _trigger.Triggered);
    }

    [Fact]
    public async Task StartAsync_ScheduledTimePassedWhileStoppedAndMisfireSkip_RunsNothing()
    {
        _folder.EditConfigJson(Path.Combine("projects", Project + ".json"), project => project["misfire"] = "skip");
        await CompletedRunAsync("r1");
        _time.Advance(TimeSpan.FromDays(2));

        await StartRecoveryAsync();

        Assert.Empty(_trigger.Triggered);
    }

    [Fact]
    public async Task StartAsync_FirePassedInTheProjectsTimeZoneButNotYetInUtc_RunsTheProjectOnce()
    {
        // 02:00 in Auckland (UTC+13 in November) is 13:00 UTC the day before: by 13:30 UTC, a run at 12:00 UTC missed it.
        _folder.EditConfigJson(Path.Combine("projects", Project + ".json"), project => project["timeZone"] = "Pacific/Auckland");
        await CompletedRunAsync("r1");
        _time.Advance(TimeSpan.FromMinutes(90));

        await StartRecoveryAsync();

        Assert.Equal([Project], _trigger.Triggered);
    }

    [Fact]
    public async Task StartAsync_NextScheduledTimeStillAhead_RunsNothing()
    {
        await CompletedRunAsync("r1");
        _time.Advance(TimeSpan.FromSeconds(30));

        await StartRecoveryAsync();

        Assert.Empty(_trigger.Triggered);
    }

    [Fact]
    public async Task StartAsync_ProjectNeverRun_WaitsForItsSchedule()
    {
        await StartRecoveryAsync();

        Assert.Empty(_trigger.Triggered);
    }

    [Fact]
    public async Task StartAsync_ClusterModeRunStartedOnAnotherNodeLaterThatDies_IsTakenOverOnceItsLeaseExpires()
    {
        await StartRecoveryAsync(Cluster);
        await StartRunAsync("r1", Owners.Other);

        _time.Advance(LeaseDuration);

        await _trigger.FirstTrigger.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(RunState.Failed, (await Ledger.GetRunAsync("r1", CancellationToken.None))!.State);
        Assert.Equal([Project], _trigger.Triggered);
    }

    [Fact]
    public async Task StartAsync_LinkCommandStartedAfterTheServiceThatDies_IsTakenOverOnceItsLeaseExpires()
    {
        await StartRecoveryAsync();
        await StartRunAsync("r1", Owners.Other);

        _time.Advance(LeaseDuration);

        await _trigger.FirstTrigger.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(RunState.Failed, (await Ledger.GetRunAsync("r1", CancellationToken.None))!.State);
        Assert.Equal([Project], _trigger.Triggered);
    }

    [Fact]
    public async Task StartAsync_ClusterModeScheduledTimePassedWhileStopped_LeavesTheMissedRunToTheClusteredStore()
    {
        await CompletedRunAsync("r1");
        _time.Advance(TimeSpan.FromDays(2));

        await StartRecoveryAsync(Cluster);

        Assert.Empty(_trigger.Triggered);
    }

    private static ClusterMode Cluster => new(true, new ClusterOptions { NodeName = "node-a" });

    private Task<RunStartResult> StartRunAsync(string runId, RunOwner owner) =>
        Ledger.StartRunAsync(new RunStart(runId, Project, "runs/" + runId, [], owner), CancellationToken.None);

    private async Task CompletedRunAsync(string runId)
    {
        await StartRunAsync(runId, Owners.Service);
        await Ledger.CompleteRunAsync(runId, new Dictionary<string, long>(), CancellationToken.None);
    }

    private async Task StartRecoveryAsync(ClusterMode? cluster = null)
    {
        var recovery = new RunRecovery(
            _folder.LoadCatalog(), Ledger, _trigger, Owners.Service, LeaseTerms.Default, cluster ?? ClusterMode.SingleNode, _time, NullLogger<RunRecovery>.Instance);
        _started.Add(recovery);
        await recovery.StartAsync(CancellationToken.None);
    }

    private sealed class RecordingTrigger : ILinkageTrigger
    {
        private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> Triggered { get; } = [];

        public Task FirstTrigger => _first.Task;

        public List<string> Resumed { get; } = [];

        public Task TriggerNowAsync(string project, CancellationToken cancellationToken)
        {
            Triggered.Add(project);
            _first.TrySetResult();
            return Task.CompletedTask;
        }

        public Task ResumeNowAsync(string project, string runId, CancellationToken cancellationToken)
        {
            Resumed.Add(runId);
            _first.TrySetResult();
            return Task.CompletedTask;
        }
    }
}
