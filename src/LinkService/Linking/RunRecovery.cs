using LinkService.Configuration;
using LinkService.Ledger;
using LinkService.Ledger.Runs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace LinkService.Linking;

/// <summary>
/// At start: a run the ledger still shows as running was interrupted by a crash or a hard stop, so it
/// is recorded as failed (its folder stays, for inspection); and a scheduled project whose last run
/// started before a fire time that has since passed is run now.
/// </summary>
internal sealed class RunRecovery : IHostedService
{
    private readonly ConfigCatalog _catalog;
    private readonly ILedger _ledger;
    private readonly ISchedulerFactory _schedulerFactory;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<RunRecovery> _logger;

    public RunRecovery(ConfigCatalog catalog, ILedger ledger, ISchedulerFactory schedulerFactory, TimeProvider timeProvider, ILogger<RunRecovery> logger)
    {
        _catalog = catalog;
        _ledger = ledger;
        _schedulerFactory = schedulerFactory;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await _schedulerFactory.GetScheduler(cancellationToken);
        var now = _timeProvider.GetUtcNow();
        foreach (var project in _catalog.Projects.Values)
        {
            var runs = await _ledger.GetRecentRunsAsync(project.Name, 50, cancellationToken);
            var interrupted = runs.Where(r => r.State == RunState.Running).ToList();
            foreach (var run in interrupted)
            {
                await _ledger.FailRunAsync(run.Id, "interrupted: the service stopped or crashed during the run", cancellationToken);
                Log.RunInterrupted(_logger, run.Id, project.Name);
            }

            if (project.Schedule is null || runs.Count == 0)
            {
                continue;
            }

            // A scheduled run that was interrupted is run again; so is one whose time passed while the
            // service was down. TriggerJob before the scheduler starts is kept and fires once it starts.
            var due = interrupted.Count > 0 ? now : new CronExpression(project.Schedule).GetNextValidTimeAfter(runs[0].StartedAt);
            if (due is { } missed && missed <= now)
            {
                Log.CatchingUp(_logger, project.Name, missed);
                await scheduler.TriggerJob(LinkageJob.KeyFor(project.Name), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
