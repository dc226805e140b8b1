using System.Security.Cryptography;
using LinkService.Configuration;
using LinkService.Configuration.Folders;
using LinkService.Configuration.Keys;
using LinkService.Configuration.Projects;
using LinkService.Configuration.Projects.Outputs;
using LinkService.Ledger;
using LinkService.Ledger.Runs;
using LinkService.Linkage.Progress;
using LinkService.Linkage.Running;
using LinkService.Linking;
using LinkService.Outputs.Stages;
using Microsoft.Extensions.Logging;

namespace LinkService.Publishing;

/// <summary>
/// The stages after linkage, worked from the run's last recorded stage under its owner's lease, each recorded before
/// the next begins:
/// <list type="bullet">
/// <item>linked or anonymised: the output folder is cleared and the output made again: anonymise (recorded), check and
/// package (recorded as checked, with the verdict). The check's files share the anonymiser's folder, so a run
/// interrupted after anonymising writes the de-identified files again rather than trust a folder a check left half-written;
/// every stage is deterministic, so the bytes are the same.</item>
/// <item>checked: approved at once if the project approves automatically and every check passed; otherwise left for
/// the caller to hold for the custodian.</item>
/// <item>approved: published (<see cref="ExportPublisher"/>); a publish that had renamed its copy into place is not redone.</item>
/// </list>
/// Returns the run at <see cref="RunStage.Checked"/> (to be held) or <see cref="RunStage.Approved"/> (published, to be recorded).
/// </summary>
internal sealed class OutputStages
{
    private readonly ConfigCatalog _catalog;
    private readonly ServicePaths _paths;
    private readonly ILedger _ledger;
    private readonly IAnonymiser _anonymiser;
    private readonly IDisclosureChecker _checker;
    private readonly IOutputPackager _packager;
    private readonly ExportPublisher _publisher;
    private readonly RunOwner _owner;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<OutputStages> _logger;

    public OutputStages(
        ConfigCatalog catalog,
        ServicePaths paths,
        ILedger ledger,
        IAnonymiser anonymiser,
        IDisclosureChecker checker,
        IOutputPackager packager,
        ExportPublisher publisher,
        RunOwner owner,
        TimeProvider timeProvider,
        ILogger<OutputStages> logger)
    {
        _catalog = catalog;
        _paths = paths;
        _ledger = ledger;
        _anonymiser = anonymiser;
        _checker = checker;
        _packager = packager;
        _publisher = publisher;
        _owner = owner;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <param name="map">The run's linkage map, where this process linked it and holds it still; null to read the run folder's.</param>
    public async Task<LinkageRun> WorkAsync(ProjectDefinition project, LinkageRun run, ProgressTracker progress, LinkageMap? map, CancellationToken cancellationToken)
    {
        if (run.Stage is RunStage.Linked or RunStage.Anonymised)
        {
            run = await MakeOutputAsync(project, run, progress, map, cancellationToken);
        }

        if (run.Stage == RunStage.Checked && project.Outputs?.Approval == ApprovalMode.Automatic && run.Check is { Passed: true })
        {
            run = await _ledger.ApproveAutomaticallyAsync(run.Id, _owner, cancellationToken);
            Log.RunApproved(_logger, run.Id, run.Project, RunDecision.Automatic);
        }

        if (run.Stage == RunStage.Approved)
        {
            var folder = _paths.ExportFolder(run.Project, run.Id);
            if (await _publisher.PublishAsync(run.Project, run.Id, cancellationToken))
            {
                Log.RunPublished(_logger, run.Id, run.Project, folder);
            }
            else
            {
                Log.AlreadyPublished(_logger, run.Id, run.Project, folder);
            }
        }

        return run;
    }

    private async Task<LinkageRun> MakeOutputAsync(ProjectDefinition project, LinkageRun run, ProgressTracker progress, LinkageMap? map, CancellationToken cancellationToken)
    {
        if (project.Outputs is null)
        {
            throw new InvalidOperationException($"run {run.Id} linked for outputs, but project '{project.Name}' has no 'outputs' now");
        }

        var inputs = await LinkageInputs.OfRunAsync(run, project, _catalog, _paths, _ledger, cancellationToken);
        for (var i = 0; i < inputs.Inputs.Count; i++)
        {
            // The copy's digest is checked as the anonymiser reads it (LinkageInput.OpenRows), as linking checked it.
            StoredDigestCheck.VerifySetAside(inputs.Deliveries[i], inputs.Inputs[i].SetAside, _logger);
        }

        var previous = await _ledger.GetLastPublishedRunAsync(project.Name, cancellationToken);
        var key = ProjectKey(project.Name);
        try
        {
            // Run folders are found where the site keeps them now, not at the path the ledger recorded: a site moved to
            // another disk (restored from backup, say) finds its runs.
            var previousFolder = previous is null ? null : _paths.RunFolder(previous.Project, previous.Id);
            var request = new OutputRequest(project, run.Id, _paths.RunFolder(run.Project, run.Id), inputs.Inputs, key, previousFolder) { Progress = progress, Map = map };
            var folder = _paths.RunOutputFolder(project.Name, run.Id);
            ClearOutputFolder(folder);
            var anonymiseStarted = _timeProvider.GetTimestamp();
            var anonymised = await _anonymiser.AnonymiseAsync(request, folder, cancellationToken);
            if (run.Stage == RunStage.Linked)
            {
                run = await _ledger.RecordAnonymisedAsync(run.Id, _owner, cancellationToken);
            }

            var anonymiseSeconds = _timeProvider.GetElapsedTime(anonymiseStarted).TotalSeconds;
            Log.StageCompleted(_logger, run.Id, run.Project, RunStage.Anonymised, anonymiseSeconds);
            var checkStarted = _timeProvider.GetTimestamp();
            var report = await _checker.CheckAsync(request, anonymised, folder, cancellationToken);
            await _packager.PackageAsync(request, anonymised, report, folder, cancellationToken);
            var check = new RunCheck(report.Verdict.ToString().ToLowerInvariant(), report.Findings.Count(f => f.Verdict != DisclosureVerdict.Pass));
            run = await _ledger.RecordCheckedAsync(run.Id, _owner, check, cancellationToken);
            var checkSeconds = _timeProvider.GetElapsedTime(checkStarted).TotalSeconds;
            Log.StageCompleted(_logger, run.Id, run.Project, RunStage.Checked, checkSeconds);
            return run;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The project's pseudonym key, derived from the master key; held in memory only while the output is made.</summary>
    private byte[] ProjectKey(string project)
    {
        var master = MasterKeyFile.Read(_paths.MasterKeyFile);
        try
        {
            return ProjectKeys.Pseudonyms(master, project);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(master);
        }
    }

    private static void ClearOutputFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Folders.FolderBootstrapper.CreateOwnerOnly(folder);
    }
}
