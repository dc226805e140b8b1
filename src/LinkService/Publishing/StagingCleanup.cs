using LinkService.Configuration.Folders;
using LinkService.Ledger;
using LinkService.Ledger.Runs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LinkService.Publishing;

/// <summary>
/// At start, removes what publishes left half-done in the staging folder (a crash during the copy), but for the run an
/// <c>approve</c> command may be publishing now, under a live lease; that one's publish clears its own staging copy.
/// </summary>
internal sealed class StagingCleanup : IHostedService
{
    private readonly ServicePaths _paths;
    private readonly ILedger _ledger;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<StagingCleanup> _logger;

    public StagingCleanup(ServicePaths paths, ILedger ledger, TimeProvider timeProvider, ILogger<StagingCleanup> logger)
    {
        _paths = paths;
        _ledger = ledger;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_paths.PublishStagingRoot))
        {
            return;
        }

        foreach (var projectFolder in Directory.GetDirectories(_paths.PublishStagingRoot))
        {
            foreach (var staging in Directory.GetDirectories(projectFolder))
            {
                var run = await _ledger.GetRunAsync(Path.GetFileName(staging), cancellationToken);
                if (run is { State: RunState.Running } && !RunClaims.IsAbandoned(run, _timeProvider.GetUtcNow()))
                {
                    continue;
                }

                try
                {
                    ExportPublisher.RemoveStaging(staging);
                    Log.StagingLeftoverRemoved(_logger, staging);
                }
                catch (IOException ex)
                {
                    // Another node took the run over and is copying into it now; its publish clears the copy first, so
                    // the leftover costs nothing, and a node that would not start over it would.
                    Log.StagingLeftoverKept(_logger, staging, ex);
                }
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
