using LinkService.Audit;
using LinkService.Cli;
using LinkService.Configuration;
using LinkService.Configuration.Folders;
using LinkService.Ledger;
using LinkService.Ledger.Runs;
using Microsoft.Extensions.Logging;

namespace LinkService.Publishing;

/// <summary>
/// The custodian's decision on a held run: <c>approve</c> publishes it (the approving process takes the run under a
/// lease and publishes as the service would; killed part-way, the service resumes the publish, or approving again
/// finishes it once the lease has lapsed), <c>reject</c> ends it
/// and discards its output. Both record who (the OS account) and when in the ledger's audit chain.
/// </summary>
internal sealed class RunDecisions
{
    private readonly ConfigCatalog _catalog;
    private readonly ServicePaths _paths;
    private readonly ILedger _ledger;
    private readonly LedgerIntegrity _integrity;
    private readonly OutputPipeline _pipeline;
    private readonly RunOwner _owner;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<RunDecisions> _logger;

    public RunDecisions(
        ConfigCatalog catalog, ServicePaths paths, ILedger ledger, LedgerIntegrity integrity, OutputPipeline pipeline, RunOwner owner, TimeProvider timeProvider, ILogger<RunDecisions> logger)
    {
        _catalog = catalog;
        _paths = paths;
        _ledger = ledger;
        _integrity = integrity;
        _pipeline = pipeline;
        _owner = owner;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task<DecisionOutcome> ApproveAsync(string project, string runId, string by, CancellationToken cancellationToken)
    {
        var (problem, found) = await ProblemAsync(project, runId, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (found is { State: RunState.Running, Stage: RunStage.Approved })
        {
            // Approved before and its publish cut short (the approving process killed): finished here, as the service
            // would on resuming it, once that process's lease has lapsed. While it holds, the run is its owner's.
            var resumed = await _pipeline.ResumeAsync(runId, cancellationToken);
            if (resumed.Succeeded)
            {
                return new DecisionOutcome(ExitCodes.Success, $"Run {runId} of project {project} was approved before, and its publish, cut short, is now finished: published to {_paths.ExportFolder(project, runId)}.");
            }

            if (resumed.RunId is not null)
            {
                return new DecisionOutcome(ExitCodes.Problem, $"Run {runId} of project {project} was approved before, but its publish, cut short, could not be finished: {resumed.Message}.");
            }

            if (found.Lease is { } lease && !lease.HasExpiredAt(_timeProvider.GetUtcNow()))
            {
                // Its approver may have been killed a moment ago: its lease still holds the run, and saying whose and until
                // when tells the custodian how long to wait, where "not held for approval" told them nothing.
                return new DecisionOutcome(
                    ExitCodes.Problem,
                    $"Run {runId} of project {project} was approved already and is being published by {lease.Held()}; should that process have stopped, the service finishes the publish once the lease has run out, or approve it again after then.");
            }
        }

        RunStartResult claim;
        try
        {
            claim = await _ledger.ApproveHeldAsync(runId, _owner, by, cancellationToken);
        }
        catch (RunStateException ex)
        {
            return new DecisionOutcome(ExitCodes.Problem, ex.Message);
        }

        if (claim.Holder is { } holder)
        {
            return new DecisionOutcome(
                ExitCodes.Problem,
                $"Run {runId} was not approved: run {holder.Id} of project {project} is running in {holder.Lease?.Owner.ToString() ?? "another process"}; approve it once that run has finished.");
        }

        Log.RunApproved(_logger, runId, project, by);
        var outcome = await _pipeline.ContinueAsync(_catalog.Projects[project], claim.Started!, cancellationToken);
        return outcome.Succeeded
            ? new DecisionOutcome(ExitCodes.Success, $"Run {runId} of project {project} approved by {by} and published to {_paths.ExportFolder(project, runId)}.")
            : new DecisionOutcome(ExitCodes.Problem, $"Run {runId} of project {project} was approved by {by} but not published: {outcome.Message}.");
    }

    public async Task<DecisionOutcome> RejectAsync(string project, string runId, string by, string reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new DecisionOutcome(ExitCodes.UsageOrConfiguration, "A rejection needs a reason (--reason).");
        }

        if (await ProblemAsync(project, runId, cancellationToken) is ({ } problem, _))
        {
            return problem;
        }

        try
        {
            await _ledger.RejectRunAsync(runId, by, reason.Trim(), cancellationToken);
        }
        catch (RunStateException ex)
        {
            return new DecisionOutcome(ExitCodes.Problem, ex.Message);
        }

        // Recorded first: a discard that fails leaves a rejected output in the private work area, never in the export.
        var output = _paths.RunOutputFolder(project, runId);
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        Log.RunRejected(_logger, runId, project, by);
        return new DecisionOutcome(ExitCodes.Success, $"Run {runId} of project {project} rejected by {by}; its output was discarded.");
    }

    /// <summary>Why the decision cannot be taken at all: no such project or run (bad usage), or a ledger that fails its check.</summary>
    /// <summary>Why no decision can be recorded on the run, if anything; and the run as the ledger holds it, read once here.</summary>
    private async Task<(DecisionOutcome? Problem, LinkageRun? Run)> ProblemAsync(string project, string runId, CancellationToken cancellationToken)
    {
        if (!_catalog.Projects.ContainsKey(project))
        {
            return (new DecisionOutcome(ExitCodes.UsageOrConfiguration, $"There is no project '{project}' (configured: {string.Join(", ", _catalog.Projects.Keys)})."), null);
        }

        if (await _ledger.GetRunAsync(runId, cancellationToken) is not { } run || run.Project != project)
        {
            return (new DecisionOutcome(ExitCodes.UsageOrConfiguration, $"Project {project} has no run '{runId}' ('linkservice status' lists the runs waiting for approval)."), null);
        }

        var integrity = await _integrity.CheckAsync(cancellationToken);
        return (integrity.IsIntact ? null : new DecisionOutcome(ExitCodes.Problem, $"No decision was recorded: the ledger fails its check, {integrity.Problem}."), run);
    }
}

/// <summary>What a decision command prints and exits with.</summary>
internal sealed record DecisionOutcome(int ExitCode, string Message);
