using LinkService.Cluster;
using LinkService.Configuration;
using LinkService.Hosting;
using LinkService.Ledger;
using LinkService.Ledger.Runs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using LinkService.Scheduling;

namespace LinkService.Linking;

/// <summary>
/// At start, for every run the ledger shows as running, by another process than this one:
/// <list type="bullet">
/// <item>its lease expired (or it has none) after it linked: its owner died or stopped during a later stage. Its
/// project's job resumes it from its last recorded stage (<see cref="Publishing.OutputPipeline.ResumeAsync"/>);</item>
/// <item>its lease expired (or it has none) while it was linking: its owner died or hung. It is taken over, recorded
/// as failed (its folder stays, for inspection; linking is redone whole by a new run), and its project, if scheduled,
/// is run again now;</item>
/// <item>its lease is live: a <c>link</c> command, or another node, is running it. It is left alone, and its project
/// is not run here meanwhile. When that lease would expire it is looked at again: renewed, it is still left alone;
/// finished, there is nothing to do; abandoned, it is taken over as above.</item>
/// </list>
/// And a scheduled project nobody is running whose fire time passed while the service was down is run now, or not, as
/// its <c>misfire</c> says (<see cref="MissedFire"/>).
/// The look is repeated every <see cref="LeaseTerms.RenewEvery"/> for as long as the service runs, since a <c>link</c> or
/// <c>approve</c> command started beside it, or another node, may die holding a run at any time. Missed fire times are
/// caught up at start only, and in cluster mode not at all: that is Quartz's clustered store's (every node starting at
/// once would each catch up, and run the project twice).
/// </summary>
internal sealed class RunRecovery : IHostedService, IDisposable
{
    private readonly ConfigCatalog _catalog;
    private readonly ILedger _ledger;
    private readonly ILinkageTrigger _trigger;
    private readonly RunOwner _owner;
    private readonly LeaseTerms _leaseTerms;
    private readonly ClusterMode _cluster;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<RunRecovery> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task _watch = Task.CompletedTask;

    public RunRecovery(ConfigCatalog catalog, ILedger ledger, ILinkageTrigger trigger, RunOwner owner, LeaseTerms leaseTerms, ClusterMode cluster, TimeProvider timeProvider, ILogger<RunRecovery> logger)
    {
        _cluster = cluster;
        _catalog = catalog;
        _ledger = ledger;
        _trigger = trigger;
        _owner = owner;
        _leaseTerms = leaseTerms;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var next = NextLook(await RecoverAsync(catchUpSchedules: !_cluster.Enabled, cancellationToken));
        _watch = WatchAsync(next, _stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _watch.WaitAsync(cancellationToken);
    }

    public void Dispose() => _stopping.Dispose();

    /// <summary>Looks again each time the earliest live lease seen would expire, and a renewal period after the last look at the latest.</summary>
    private async Task WatchAsync(DateTimeOffset next, CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                var wait = next - _timeProvider.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _timeProvider, stopping);
                }

                DateTimeOffset? after;
                try
                {
                    after = await RecoverAsync(catchUpSchedules: false, stopping);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.RecoveryFailed(_logger, SafeReason.Strip(ex), SafeReason.Of(ex));
                    after = _timeProvider.GetUtcNow() + _leaseTerms.RenewEvery;
                }

                next = NextLook(after);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The service is stopping.
        }
    }

    /// <summary>When to look again: when the earliest live lease seen expires, and a renewal period from now at the latest.</summary>
    private DateTimeOffset NextLook(DateTimeOffset? expiry)
    {
        var periodic = _timeProvider.GetUtcNow() + _leaseTerms.RenewEvery;
        return expiry is { } earlier && earlier < periodic ? earlier : periodic;
    }

    /// <summary>One look at the running runs; returns when the earliest live lease of another process expires, if any.</summary>
    private async Task<DateTimeOffset?> RecoverAsync(bool catchUpSchedules, CancellationToken cancellationToken)
    {
        // Every run left running, however old: a project's recent runs might not reach back to it.
        var interrupted = new HashSet<string>(StringComparer.Ordinal);
        var held = new HashSet<string>(StringComparer.Ordinal);
        DateTimeOffset? nextExpiry = null;
        foreach (var run in await _ledger.GetRunsInStateAsync(RunState.Running, cancellationToken))
        {
            if (run.Lease?.Owner == _owner)
            {
                continue;
            }

            if (RunTransitions.IsResumable(run, _timeProvider.GetUtcNow()))
            {
                // The job takes it over when it runs; a second trigger meanwhile finds it taken and does nothing.
                await _trigger.ResumeNowAsync(run.Project, run.Id, cancellationToken);
                held.Add(run.Project);
                continue;
            }

            var abandoned = RunClaims.IsAbandoned(run, _timeProvider.GetUtcNow());
            if (abandoned && await _ledger.TakeOverAsync(run.Id, cancellationToken) is { } failed)
            {
                Log.RunInterrupted(_logger, run.Id, run.Project, failed.FailureReason ?? "abandoned");
                interrupted.Add(run.Project);
                continue;
            }

            // Not taken over: renewed just now (read again), finished, or live.
            var current = abandoned ? await _ledger.GetRunAsync(run.Id, cancellationToken) : run;
            if (current is { State: RunState.Running, Lease: { } lease })
            {
                Log.RunHeldElsewhere(_logger, run.Id, run.Project, lease.Owner, lease.ExpiresAt);
                held.Add(run.Project);
                nextExpiry = nextExpiry is { } earliest && earliest < lease.ExpiresAt ? earliest : lease.ExpiresAt;
            }
        }

        var now = _timeProvider.GetUtcNow();
        foreach (var project in _catalog.Projects.Values.Where(p => p.Schedule is not null && !held.Contains(p.Name)))
        {
            if (interrupted.Contains(project.Name))
            {
                Log.CatchingUp(_logger, project.Name, now);
                await _trigger.TriggerNowAsync(project.Name, cancellationToken);
                continue;
            }

            var last = catchUpSchedules ? await _ledger.GetRecentRunsAsync(project.Name, 1, cancellationToken) : [];
            if (last.Count > 0)
            {
                await MissedFire.CatchUpAsync(project, last[0].StartedAt, now, _trigger, _logger, cancellationToken);
            }
        }

        return nextExpiry;
    }
}
