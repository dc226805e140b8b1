using LinkService.Audit;
using LinkService.Configuration;
using LinkService.Configuration.Projects;
using LinkService.Configuration.Projects.Outputs;
using LinkService.Hosting;
using LinkService.Ledger;
using LinkService.Ledger.Runs;
using LinkService.Linkage.Progress;
using LinkService.Linkage.Running;
using LinkService.Linking;
using LinkService.Progress;
using Microsoft.Extensions.Logging;

namespace LinkService.Publishing;

/// <summary>
/// A run's pipeline after linkage, as this process's work under the run's lease: after its linking
/// (<see cref="ProjectRunner"/>), when it is resumed after its owner died (<see cref="RunRecovery"/>), and when the
/// custodian approves it (<c>approve</c>). Ends held, published, or failed; a stop leaves it to resume at the next start.
/// </summary>
internal sealed class OutputPipeline
{
    private readonly ConfigCatalog _catalog;
    private readonly ILedger _ledger;
    private readonly LedgerIntegrity _integrity;
    private readonly OutputStages _stages;
    private readonly RunOwner _owner;
    private readonly LeaseTerms _leaseTerms;
    private readonly RunProgress _progress;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<OutputPipeline> _logger;

    public OutputPipeline(
        ConfigCatalog catalog, ILedger ledger, LedgerIntegrity integrity, OutputStages stages, RunOwner owner, LeaseTerms leaseTerms, RunProgress progress, TimeProvider timeProvider, ILogger<OutputPipeline> logger)
    {
        _catalog = catalog;
        _ledger = ledger;
        _integrity = integrity;
        _stages = stages;
        _owner = owner;
        _leaseTerms = leaseTerms;
        _progress = progress;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>
    /// Continues <paramref name="run"/>, which this process holds under its lease, from its stage to its end; its stages
    /// advance <paramref name="progress"/> where given, and take the run's linkage map from <paramref name="map"/> where
    /// this process linked it (else from the run folder).
    /// </summary>
    public async Task<ProjectRunOutcome> ContinueAsync(ProjectDefinition project, LinkageRun run, CancellationToken cancellationToken, ProgressTracker? progress = null, LinkageMap? map = null)
    {
        var lease = LeaseRenewal.Start(_ledger, run.Id, _owner, _leaseTerms, _timeProvider, _logger, cancellationToken);
        var reached = run;
        try
        {
            await using (lease)
            {
                reached = await _stages.WorkAsync(project, run, progress ?? ProgressTracker.None, map, lease.Token);
            }

            if (reached.Stage == RunStage.Approved)
            {
                await _ledger.RecordPublishedAsync(run.Id, _owner, CancellationToken.None);
                return new ProjectRunOutcome(true, run.Id, run.RunFolder, "published");
            }

            var held = await _ledger.HoldRunAsync(run.Id, _owner, CancellationToken.None);
            var approval = project.Outputs?.Approval ?? ApprovalMode.Custodian;
            Log.RunHeld(_logger, run.Id, run.Project, held.Check!.Verdict, held.Check.Findings, approval);
            return new ProjectRunOutcome(true, run.Id, run.RunFolder, $"held for the custodian's approval (disclosure verdict {held.Check.Verdict})");
        }
        catch (OperationCanceledException) when (lease.Lost)
        {
            return new ProjectRunOutcome(false, run.Id, run.RunFolder, "the run lost its lease to another process");
        }
        catch (RunStateException ex)
        {
            // Taken over between two renewals: its stages are its new owner's to record now.
            Log.RunLostMidStage(_logger, run.Id, run.Project, ex.Message);
            return new ProjectRunOutcome(false, run.Id, run.RunFolder, ex.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Recorded with no token: the stop must not also lose the release.
            var current = await _ledger.GetRunAsync(run.Id, CancellationToken.None);
            await _ledger.ReleaseLeaseAsync(run.Id, _owner, CancellationToken.None);
            Log.RunPaused(_logger, run.Id, run.Project, current?.Stage ?? reached.Stage);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var reason = SafeReason.Of(ex);
            var current = await _ledger.GetRunAsync(run.Id, CancellationToken.None);
            await _ledger.FailRunAsync(run.Id, reason, CancellationToken.None);
            Log.StageFailed(_logger, SafeReason.Strip(ex), run.Id, run.Project, current?.Stage ?? reached.Stage, reason);
            return new ProjectRunOutcome(false, run.Id, run.RunFolder, reason);
        }
    }

    /// <summary>Takes over a run whose owner died after it linked and continues it; nothing if it is not (or no longer) resumable.</summary>
    public async Task<ProjectRunOutcome> ResumeAsync(string runId, CancellationToken cancellationToken)
    {
        var run = await _ledger.GetRunAsync(runId, cancellationToken);
        if (run is null || !RunTransitions.IsResumable(run, _timeProvider.GetUtcNow()))
        {
            return ProjectRunOutcome.NotStarted($"run {runId} is not waiting to be resumed");
        }

        if (!_catalog.Projects.TryGetValue(run.Project, out var project))
        {
            Log.RunNotResumed(_logger, run.Id, run.Project, "its project is no longer configured");
            return ProjectRunOutcome.NotStarted($"project '{run.Project}' of run {runId} is no longer configured");
        }

        var integrity = await _integrity.CheckAsync(cancellationToken);
        if (!integrity.IsIntact)
        {
            Log.RunNotResumed(_logger, run.Id, run.Project, $"the ledger fails its check, {integrity.Problem}");
            return ProjectRunOutcome.NotStarted($"the ledger fails its check: {integrity.Problem}");
        }

        LinkageRun resumed;
        try
        {
            resumed = await _ledger.ResumeRunAsync(runId, _owner, cancellationToken);
        }
        catch (RunStateException ex)
        {
            return ProjectRunOutcome.NotStarted(ex.Message);
        }

        Log.RunResumed(_logger, run.Id, run.Project, run.Stage, RunClaims.TakeOverReason(run));
        await using var progress = _progress.Start(run.Id, run.Project);
        return await ContinueAsync(project, resumed, cancellationToken, progress.Tracker);
    }
}
