using LinkService.Configuration;
using LinkService.Ledger;
using LinkService.Ledger.Runs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace LinkService.Linking;

/// <summary>
/// At start: a run the ledger still shows as running was interrupted by a crash or a hard stop, so it
/// is recorded as failed (its folder stays, for inspection); and a scheduled project whose last run was
/// interrupted, or started before a fire time that has since passed, is run now.
/// </summary>
internal sealed class RunRecovery : IHostedService
{
    private readonly ConfigCatalog _catalog;
    private readonly ILedger _ledger;
    private readonly ILinkageTrigger _trigger;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<RunRecovery> _logger;

    public RunRecovery(ConfigCatalog catalog, ILedger ledger, ILinkageTrigger trigger, TimeProvider timeProvider, ILogger<RunRecovery> logger)
    {
        _catalog = catalog;
        _ledger = ledger;
        _trigger = trigger;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Every run left running, however old: a project's recent runs might not reach back to it.
        var interrupted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in await _ledger.GetRunsInStateAsync(RunState.Running, cancellationToken))
        {
            await _ledger.FailRunAsync(run.Id, "interrupted: the service stopped or crashed during the run", cancellationToken);
            Log.RunInterrupted(_logger, run.Id, run.Project);
            interrupted.Add(run.Project);
        }

        var now = _timeProvider.GetUtcNow();
        foreach (var project in _catalog.Projects.Values.Where(p => p.Schedule is not null))
        {
            var last = await _ledger.GetRecentRunsAsync(project.Name, 1, cancellationToken);
            if (last.Count == 0)
            {
                continue;
            }

            var due = interrupted.Contains(project.Name) ? now : new CronExpression(project.Schedule!).GetNextValidTimeAfter(last[0].StartedAt);
            if (due is { } missed && missed <= now)
            {
                Log.CatchingUp(_logger, project.Name, missed);
                await _trigger.TriggerNowAsync(project.Name, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
