using System.Runtime;
using LinkService.Audit;
using LinkService.Configuration;
using LinkService.Configuration.Folders;
using LinkService.Configuration.Projects;
using LinkService.Deliveries.Store;
using LinkService.Folders;
using LinkService.Hosting;
using LinkService.Ledger;
using LinkService.Ledger.Runs;
using LinkService.Progress;
using LinkService.Linkage.Memory;
using LinkService.Linkage.Running;
using LinkService.Publishing;
using LinkService.Status;
using Microsoft.Extensions.Logging;

namespace LinkService.Linking;

/// <summary>
/// Links one project on the latest accepted delivery of each of its sources, recording the run in the
/// ledger from start to end. The schedule and the <c>link</c> command both come through here. The run is
/// this process's under a lease in the ledger, renewed while it works; the ledger refuses to start a project
/// that another process or node is running (see <see cref="RunClaims"/>), so no lock in this process is needed. A run of
/// the project whose owner died after it linked is resumed instead of a new run being started.
/// A project with <c>outputs</c> goes on once linked (<see cref="OutputPipeline"/>); one without ends completed.
/// </summary>
internal sealed class ProjectRunner
{
    private readonly ConfigCatalog _catalog;
    private readonly ServicePaths _paths;
    private readonly ILedger _ledger;
    private readonly LedgerIntegrity _integrity;
    private readonly ILinkageRunner _runner;
    private readonly OutputPipeline _outputs;
    private readonly RunOwner _owner;
    private readonly LeaseTerms _leaseTerms;
    private readonly RunProgress _progress;
    private readonly HugePageAdvice _hugePages;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ProjectRunner> _logger;

    public ProjectRunner(
        ConfigCatalog catalog,
        ServicePaths paths,
        ILedger ledger,
        LedgerIntegrity integrity,
        ILinkageRunner runner,
        OutputPipeline outputs,
        RunOwner owner,
        LeaseTerms leaseTerms,
        RunProgress progress,
        HugePageAdvice hugePages,
        TimeProvider timeProvider,
        ILogger<ProjectRunner> logger)
    {
        _integrity = integrity;
        _catalog = catalog;
        _paths = paths;
        _ledger = ledger;
        _runner = runner;
        _outputs = outputs;
        _owner = owner;
        _leaseTerms = leaseTerms;
        _progress = progress;
        _hugePages = hugePages;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task<ProjectRunOutcome> RunAsync(string projectName, string trigger, CancellationToken cancellationToken)
    {
        if (!_catalog.Projects.TryGetValue(projectName, out var project))
        {
            return ProjectRunOutcome.NotStarted($"there is no project '{projectName}' (configured: {string.Join(", ", _catalog.Projects.Keys)})");
        }

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
        var claim = await _ledger.StartRunAsync(new RunStart(runId, project.Name, folder, inputs.Inputs.Select(i => i.DeliveryId).ToList(), _owner), cancellationToken);
        foreach (var abandoned in claim.TakenOver)
        {
            Log.RunInterrupted(_logger, abandoned.Id, abandoned.Project, abandoned.FailureReason ?? "abandoned");
        }

        if (claim.Holder is { } holder)
        {
            if (RunTransitions.IsResumable(holder, _timeProvider.GetUtcNow()))
            {
                // Its owner died after it linked: it goes on from its stage here, rather than be failed and linked again.
                using (_hugePages.Begin())
                {
                    return await _outputs.ResumeAsync(holder.Id, cancellationToken);
                }
            }

            // A process killed mid-run still holds its lease until it lapses; saying when tells the operator how long to wait.
            var held = holder.Lease is { } holderLease ? HeldBy(holder, holderLease) : $"run {holder.Id} is linking it in another process";
            Log.RunNotStarted(_logger, project.Name, held);
            return ProjectRunOutcome.NotStarted(held);
        }

        // The run folder holds the private linkage map; made once the run is ours, so a refused start leaves none.
        FolderBootstrapper.CreateOwnerOnly(folder);
        Log.RunStarted(_logger, runId, project.Name, inputs.Inputs.Count, trigger);
        var started = _timeProvider.GetTimestamp();

        // Reported until the run ends, its outputs included; huge pages for its memory as long.
        await using var progress = _progress.Start(runId, project.Name);
        using var hugePages = _hugePages.Begin();
        var lease = LeaseRenewal.Start(_ledger, runId, _owner, _leaseTerms, _timeProvider, _logger, cancellationToken);
        LinkageRun linked;
        LinkageRunResult result;
        try
        {
            await using (lease)
            {
                await RunInputsFile.WriteAsync(folder, inputs.Deliveries, lease.Token);
                for (var i = 0; i < inputs.Inputs.Count; i++)
                {
                    StoredDigestCheck.VerifySetAside(inputs.Deliveries[i], inputs.Inputs[i].SetAside, _logger);
                }

                // Each input carries its copy's digest: the runner's reading checks it and throws, before the run
                // standardises, links or writes anything, when a copy is not what intake stored.
                result = await _runner.RunAsync(project, inputs.Inputs, folder, lease.Token, progress.Tracker);
            }

            var seconds = _timeProvider.GetElapsedTime(started).TotalSeconds;
            if (project.Outputs is null)
            {
                await _ledger.CompleteRunAsync(runId, RunCounts.From(result), CancellationToken.None);
                Log.RunCompleted(_logger, runId, project.Name, seconds);
                return new ProjectRunOutcome(true, runId, folder, "completed");
            }

            linked = await _ledger.RecordLinkedAsync(runId, _owner, RunCounts.From(result), CancellationToken.None);
            Log.RunCompleted(_logger, runId, project.Name, seconds);
        }
        catch (OperationCanceledException) when (lease.Lost)
        {
            // Its new owner recorded it as failed; nothing of ours to record.
            return new ProjectRunOutcome(false, runId, folder, "the run lost its lease to another process");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Recorded with no token: the stop that cancelled the run must not also lose its record.
            await _ledger.FailRunAsync(runId, "cancelled: a stop was requested during the run", CancellationToken.None);
            RemoveIfEmpty(folder);
            Log.RunCancelled(_logger, runId, project.Name);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (ex is StoredCopyAlteredException altered)
            {
                Log.StoredDeliveryAltered(_logger, altered.DeliveryId, altered.SourceName, altered.Problem);
            }

            var reason = SafeReason.Of(ex);
            await _ledger.FailRunAsync(runId, reason, CancellationToken.None);
            RemoveIfEmpty(folder);
            Log.RunFailed(_logger, SafeReason.Strip(ex), runId, project.Name, reason);
            return new ProjectRunOutcome(false, runId, folder, reason);
        }

        // The engine's arrays (gigabytes at millions of records) are garbage now, but for the linkage map it hands the
        // output stages; collected before the output stages allocate theirs, the process's peak is the larger of the
        // two, not their sum (1M x 3M: 3.1 GiB without).
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect();

        // Linked: from here a stop or a crash leaves the run to be resumed, not failed. The map goes on in memory (it is
        // what links.csv now holds); a resumed run reads the file.
        return await _outputs.ContinueAsync(project, linked, cancellationToken, progress.Tracker, result.Map);
    }

    /// <summary>A run stopped before it linked anything leaves no folder behind (its list of inputs goes with it); one with files keeps them for inspection.</summary>
    private static void RemoveIfEmpty(string folder)
    {
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).All(entry => Path.GetFileName(entry) == Linkage.Running.RunFiles.Inputs))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Who holds the project and until when, what it is doing, and, where this host can tell that its process is gone
    /// (a link killed a moment ago), so, and what a link after the lease then does: a run past linking is resumed.
    /// </summary>
    private static string HeldBy(LinkageRun holder, RunLease lease)
    {
        var doing = holder.Stage == RunStage.Linking
            ? "is linking it in"
            : $"has linked the project and is making its outputs (last stage: {holder.Stage.ToString().ToLowerInvariant()}) in";
        var then = holder.Stage == RunStage.Linking ? "a link after then takes the run over" : "a link after then resumes the run from where it stopped";
        var gone = OwnerProcess.IsRunning(lease.Owner) == false;
        return $"run {holder.Id} {doing} {lease.Held()}; {(gone ? "that process is no longer running: " + then : "should that process have stopped, " + then)}";
    }
}
