using System.Collections.Concurrent;
using LinkService.Audit;
using LinkService.Configuration;
using LinkService.Configuration.Folders;
using LinkService.Configuration.Projects;
using LinkService.Folders;
using LinkService.Hosting;
using LinkService.Ledger;
using LinkService.Ledger.Runs;
using LinkService.Linkage.Running;
using Microsoft.Extensions.Logging;

namespace LinkService.Linking;

/// <summary>
/// Links one project on the latest accepted delivery of each of its sources, recording the run in the
/// ledger from start to end. The schedule and the <c>link</c> command both come through here.
/// </summary>
internal sealed class ProjectRunner
{
    private readonly ConfigCatalog _catalog;
    private readonly ServicePaths _paths;
    private readonly ILedger _ledger;
    private readonly LedgerIntegrity _integrity;
    private readonly ILinkageRunner _runner;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ProjectRunner> _logger;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _projectLocks = new(StringComparer.Ordinal);

    public ProjectRunner(
        ConfigCatalog catalog, ServicePaths paths, ILedger ledger, LedgerIntegrity integrity, ILinkageRunner runner, TimeProvider timeProvider, ILogger<ProjectRunner> logger)
    {
        _integrity = integrity;
        _catalog = catalog;
        _paths = paths;
        _ledger = ledger;
        _runner = runner;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task<ProjectRunOutcome> RunAsync(string projectName, string trigger, CancellationToken cancellationToken)
    {
        if (!_catalog.Projects.TryGetValue(projectName, out var project))
        {
            return ProjectRunOutcome.NotStarted($"there is no project '{projectName}' (configured: {string.Join(", ", _catalog.Projects.Keys)})");
        }

        // One run of a project at a time in this process: a schedule firing during a manual run waits.
        var gate = _projectLocks.GetOrAdd(project.Name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await RunLockedAsync(project, trigger, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<ProjectRunOutcome> RunLockedAsync(ProjectDefinition project, string trigger, CancellationToken cancellationToken)
    {
        // The deliveries a run takes, and the digests their copies must have, are only as good as the ledger.
        var integrity = await _integrity.CheckAsync(cancellationToken);
        if (!integrity.IsIntact)
        {
            Log.LedgerUntrusted(_logger, project.Name, integrity.Problem!);
            return ProjectRunOutcome.NotStarted($"the ledger fails its check: {integrity.Problem}");
        }

        var inputs = await LinkageInputs.LatestAcceptedAsync(project, _catalog, _paths, _ledger, cancellationToken);
        if (inputs.Missing is { } missing)
        {
            Log.RunNotStarted(_logger, project.Name, missing);
            return ProjectRunOutcome.NotStarted(missing);
        }

        var runId = RunIds.Create(_timeProvider);
        var folder = _paths.RunFolder(project.Name, runId);

        // The run folder holds the private linkage map.
        FolderBootstrapper.CreateOwnerOnly(folder);
        await _ledger.StartRunAsync(new RunStart(runId, project.Name, folder, inputs.Inputs.Select(i => i.DeliveryId).ToList()), cancellationToken);
        Log.RunStarted(_logger, runId, project.Name, inputs.Inputs.Count, trigger);
        var started = _timeProvider.GetTimestamp();
        try
        {
            for (var i = 0; i < inputs.Inputs.Count; i++)
            {
                await StoredDigestCheck.VerifyAsync(inputs.Deliveries[i], inputs.Inputs[i].FilePath, _logger, cancellationToken);
            }

            var result = await _runner.RunAsync(project, inputs.Inputs, folder, cancellationToken);
            await _ledger.CompleteRunAsync(runId, RunCounts.From(result), CancellationToken.None);
            var seconds = _timeProvider.GetElapsedTime(started).TotalSeconds;
            Log.RunCompleted(_logger, runId, project.Name, seconds);
            return new ProjectRunOutcome(true, runId, folder, "completed");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Recorded with no token: the stop that cancelled the run must not also lose its record.
            await _ledger.FailRunAsync(runId, "cancelled: a stop was requested during the run", CancellationToken.None);
            Log.RunCancelled(_logger, runId, project.Name);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var reason = SafeReason.Of(ex);
            await _ledger.FailRunAsync(runId, reason, CancellationToken.None);
            Log.RunFailed(_logger, SafeReason.Strip(ex), runId, project.Name, reason);
            return new ProjectRunOutcome(false, runId, folder, reason);
        }
    }
}
