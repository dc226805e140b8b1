using System.Globalization;
using System.Text.Json.Nodes;
using LinkService.Cli;
using LinkService.Configuration.Keys;
using LinkService.Ledger;
using LinkService.Ledger.Runs;
using LinkService.Outputs.Stages;
using LinkService.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LinkService.Tests.Publishing;

/// <summary>The run's pipeline after linkage with faked stages: what is held, what is published, and the custodian's decisions.</summary>
public sealed class OutputPipelineTests : IDisposable
{
    private const string Project = "reoffending-benefits";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly ServiceFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
    private readonly OpenedLedger _ledger;
    private readonly FakeOutputs _outputs = new();
    private readonly BlockingLinkageRunner _linkage = new();

    public OutputPipelineTests()
    {
        _ledger = new OpenedLedger(_folder, _time);
        _linkage.Finish();
    }

    private ILedger Ledger => _ledger.Ledger;

    private Pipelines Parts => new(_folder, Ledger, _time, _outputs, Owners.Service);

    public void Dispose()
    {
        _ledger.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task AutomaticApprovalEveryCheckPassing_PublishesTheWholeOutputToTheExportFolder()
    {
        UseApproval("automatic");

        var run = await LinkAsync();

        Assert.Equal((RunState.Completed, RunStage.Published, RunDecision.Automatic), (run.State, run.Stage, run.Decision?.By));
        Assert.Equal(["datapackage.json", "disclosure.json", "justice.csv"], ExportedFiles(run.Id));
        Assert.Equal(["started", "linked", "anonymised", "checked", "approved", "published"], await ActionsAsync(run.Id));
        await AssertAuditIntactAsync();
    }

    [Theory]
    [InlineData("automatic", DisclosureVerdict.Review)]
    [InlineData("automatic", DisclosureVerdict.Fail)]
    [InlineData("custodian", DisclosureVerdict.Pass)]
    public async Task RunThatNeedsTheCustodian_IsHeldAndNothingIsPublished(string approval, DisclosureVerdict verdict)
    {
        UseApproval(approval);
        _outputs.Verdict = verdict;

        var run = await LinkAsync();

        Assert.Equal((RunState.Held, RunStage.Checked), (run.State, run.Stage));
        Assert.Equal(new RunCheck(verdict.ToString().ToLowerInvariant(), verdict == DisclosureVerdict.Pass ? 0 : 1), run.Check);
        Assert.False(Directory.Exists(_folder.Paths.ExportProjectFolder(Project)));
        Assert.True(File.Exists(Path.Combine(_folder.Paths.RunOutputFolder(Project, run.Id), "datapackage.json")), "the held output waits in the run folder");
        await AssertAuditIntactAsync();
    }

    [Fact]
    public async Task Approve_HeldRun_PublishesItAndRecordsWhoApprovedAndWhen()
    {
        UseApproval("custodian");
        var held = await LinkAsync();
        _time.Advance(TimeSpan.FromHours(2));

        var outcome = await Parts.Decisions().ApproveAsync(Project, held.Id, "custodian-account", CancellationToken.None);

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        Assert.Equal($"Run {held.Id} of project {Project} approved by custodian-account and published to {_folder.Paths.ExportFolder(Project, held.Id)}.", outcome.Message);
        var run = await RunAsync(held.Id);
        Assert.Equal((RunState.Completed, RunStage.Published), (run.State, run.Stage));
        Assert.Equal(new RunDecision("custodian-account", _time.GetUtcNow(), null), run.Decision);
        Assert.Equal(["datapackage.json", "disclosure.json", "justice.csv"], ExportedFiles(held.Id));
        await AssertAuditIntactAsync();
    }

    [Fact]
    public async Task Approve_Twice_SecondIsRefusedSayingTheRunIsPublished()
    {
        UseApproval("custodian");
        var held = await LinkAsync();
        await Parts.Decisions().ApproveAsync(Project, held.Id, "custodian-account", CancellationToken.None);

        var second = await Parts.Decisions().ApproveAsync(Project, held.Id, "custodian-account", CancellationToken.None);

        Assert.Equal(ExitCodes.Problem, second.ExitCode);
        Assert.Equal($"Run {held.Id} cannot be approved: it is published, not held for approval.", second.Message);
        Assert.Single(await ActionsAsync(held.Id), "published");
    }

    [Fact]
    public async Task Approve_AgainAfterAnApproveKilledWhilePublishing_FinishesThePublishOnce()
    {
        // A custodian's approve killed mid-copy left the run approved under its dead lease; approving again said only
        // "cannot be approved: it is running (last completed stage: approved)", and nothing but a service start would
        // publish it.
        UseApproval("custodian");
        var held = await LinkAsync();
        await Ledger.ApproveHeldAsync(held.Id, Owners.Other, "custodian-account", CancellationToken.None);
        _time.Advance(LeaseTerms.Default.Duration);

        var outcome = await Parts.Decisions().ApproveAsync(Project, held.Id, "custodian-account", CancellationToken.None);

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        Assert.Equal($"Run {held.Id} of project {Project} was approved before, and its publish, cut short, is now finished: published to {_folder.Paths.ExportFolder(Project, held.Id)}.", outcome.Message);
        Assert.Equal(["datapackage.json", "disclosure.json", "justice.csv"], ExportedFiles(held.Id));
        Assert.Equal((RunState.Completed, RunStage.Published), ((await RunAsync(held.Id)).State, (await RunAsync(held.Id)).Stage));
        await AssertAuditIntactAsync();
    }

    [Fact]
    public async Task Approve_WhileAnotherProcessIsPublishingTheRun_IsRefusedSayingWhoPublishesItAndUntilWhen()
    {
        // An approve killed mid-publish holds the run under its lease for a minute more; approving again meanwhile said
        // only "cannot be approved: it is running (last completed stage: approved), not held for approval", which
        // neither says the run was approved nor how long to wait (found by a fresh-eyes tester killing approve).
        UseApproval("custodian");
        var held = await LinkAsync();
        await Ledger.ApproveHeldAsync(held.Id, Owners.Other, "custodian-account", CancellationToken.None);
        var lease = (await RunAsync(held.Id)).Lease!;

        var outcome = await Parts.Decisions().ApproveAsync(Project, held.Id, "custodian-account", CancellationToken.None);

        Assert.Equal(ExitCodes.Problem, outcome.ExitCode);
        Assert.Equal(
            $"Run {held.Id} of project {Project} was approved already and is being published by {Owners.Other}, whose lease runs until "
            + lease.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC; should that process have stopped, the service finishes the publish once the lease has run out, or approve it again after then.",
            outcome.Message);
        Assert.False(Directory.Exists(_folder.Paths.ExportFolder(Project, held.Id)));
    }

    [Fact]
    public async Task Reject_HeldRun_DiscardsItsOutputRecordsTheReasonAndCannotThenBeApproved()
    {
        UseApproval("custodian");
        var held = await LinkAsync();

        var outcome = await Parts.Decisions().RejectAsync(Project, held.Id, "custodian-account", "table 2 is too fine-grained", CancellationToken.None);
        var approve = await Parts.Decisions().ApproveAsync(Project, held.Id, "custodian-account", CancellationToken.None);

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        var run = await RunAsync(held.Id);
        Assert.Equal(RunState.Rejected, run.State);
        Assert.Equal(new RunDecision("custodian-account", _time.GetUtcNow(), "table 2 is too fine-grained"), run.Decision);
        Assert.False(Directory.Exists(_folder.Paths.RunOutputFolder(Project, held.Id)), "the rejected output is discarded");
        Assert.False(Directory.Exists(_folder.Paths.ExportFolder(Project, held.Id)));
        Assert.Equal((ExitCodes.Problem, $"Run {held.Id} cannot be approved: it is rejected, not held for approval."), (approve.ExitCode, approve.Message));
        await AssertAuditIntactAsync();
    }

    [Fact]
    public async Task Decisions_NoSuchRunOrProject_AreUsageErrorsNamingIt()
    {
        UseApproval("custodian");

        var noRun = await Parts.Decisions().ApproveAsync(Project, "20261120T120000Z-00000000", "c", CancellationToken.None);
        var noProject = await Parts.Decisions().RejectAsync("nope", "r", "c", "why", CancellationToken.None);
        var noReason = await Parts.Decisions().RejectAsync(Project, "r", "c", "  ", CancellationToken.None);

        Assert.Equal((ExitCodes.UsageOrConfiguration, $"Project {Project} has no run '20261120T120000Z-00000000' ('linkservice status' lists the runs waiting for approval)."), (noRun.ExitCode, noRun.Message));
        Assert.Equal(ExitCodes.UsageOrConfiguration, noProject.ExitCode);
        Assert.StartsWith("There is no project 'nope'", noProject.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageOrConfiguration, noReason.ExitCode);
    }

    [Fact]
    public async Task StageThatFails_FailsTheRunAfterItsLastStageAndPublishesNothing()
    {
        UseApproval("automatic");
        _outputs.FailIn = "check";

        var run = await LinkAsync();

        Assert.Equal((RunState.Failed, RunStage.Anonymised), (run.State, run.Stage));
        Assert.Equal("the check stage failed (injected by the test)", run.FailureReason);
        Assert.False(Directory.Exists(_folder.Paths.ExportProjectFolder(Project)));
        await AssertAuditIntactAsync();
    }

    [Fact]
    public async Task Resume_RunAbandonedAfterAnonymising_MakesTheOutputAgainAndPublishesItOnce()
    {
        UseApproval("automatic");
        var runId = await AbandonedRunAsync(RunStage.Anonymised);
        var stray = Path.Combine(_folder.Paths.RunOutputFolder(Project, runId), "half-written.tmp");
        Directory.CreateDirectory(Path.GetDirectoryName(stray)!);
        await File.WriteAllTextAsync(stray, "left by the check the owner was doing when it died", TestContext.Current.CancellationToken);

        var outcome = await Parts.Outputs().ResumeAsync(runId, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(1, _outputs.Anonymised);
        Assert.Equal(["datapackage.json", "disclosure.json", "justice.csv"], ExportedFiles(runId));
        Assert.Equal(["started", "linked", "anonymised", "resumed", "checked", "approved", "published"], await ActionsAsync(runId));
        Assert.False((await Parts.Outputs().ResumeAsync(runId, CancellationToken.None)).Succeeded, "a finished run is not resumed again");
        await AssertAuditIntactAsync();
    }

    [Fact]
    public async Task Resume_RunAbandonedAfterItsPublishRenamedIntoPlace_RecordsItWithoutCopyingAgain()
    {
        UseApproval("automatic");
        var runId = await AbandonedRunAsync(RunStage.Approved);
        var final = _folder.Paths.ExportFolder(Project, runId);
        Directory.CreateDirectory(final);
        await File.WriteAllTextAsync(Path.Combine(final, "datapackage.json"), "published before the crash", TestContext.Current.CancellationToken);

        var outcome = await Parts.Outputs().ResumeAsync(runId, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal("published before the crash", await File.ReadAllTextAsync(Path.Combine(final, "datapackage.json"), TestContext.Current.CancellationToken));
        Assert.Equal(0, _outputs.Anonymised);
        Assert.Equal((RunState.Completed, RunStage.Published), ((await RunAsync(runId)).State, (await RunAsync(runId)).Stage));
    }

    [Fact]
    public async Task ScheduledStart_WhileARunAbandonedAfterAnonymisingWaits_ResumesThatRunRatherThanFailingIt()
    {
        UseApproval("automatic");
        var runId = await AbandonedRunAsync(RunStage.Anonymised);

        var outcome = await Parts.Runner(_linkage).RunAsync(Project, "trigger link-reoffending-benefits-schedule", CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(runId, outcome.RunId);
        Assert.Equal(["started", "linked", "anonymised", "resumed", "checked", "approved", "published"], await ActionsAsync(runId));
        Assert.Equal([runId], (await Ledger.GetRecentRunsAsync(Project, 5, CancellationToken.None)).Select(r => r.Id));
        await AssertAuditIntactAsync();
    }

    [Fact]
    public async Task StopDuringAnonymise_LeavesTheRunToResumeAtOnceNotFailed()
    {
        UseApproval("automatic");
        await AcceptBothSourcesAsync();
        _outputs.HoldAnonymiser();
        using var stop = new CancellationTokenSource();
        var running = Parts.Runner(_linkage).RunAsync(Project, "test", stop.Token);
        await _outputs.Anonymising.WaitAsync(Timeout, TestContext.Current.CancellationToken);

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(Timeout, TestContext.Current.CancellationToken));
        var run = Assert.Single(await Ledger.GetRecentRunsAsync(Project, 5, CancellationToken.None));
        Assert.Equal((RunState.Running, RunStage.Linked), (run.State, run.Stage));
        Assert.True(RunTransitions.IsResumable(run, _time.GetUtcNow()));
    }

    [Fact]
    public async Task Anonymise_IsGivenTheProjectKeyWipedAfterwardsAndTheLastPublishedRunsFolder()
    {
        UseApproval("automatic");
        var first = await LinkAsync();

        var second = await LinkAsync();

        var request = _outputs.LastRequest!;
        Assert.Equal(second.Id, request.RunId);
        Assert.Equal(first.RunFolder, request.PreviousRunFolder);
        var master = MasterKeyFile.Read(_folder.Paths.MasterKeyFile);
        Assert.Equal(ProjectKeys.Pseudonyms(master, Project), _outputs.KeyGiven);
        Assert.All(request.ProjectKey.ToArray(), b => Assert.Equal(0, b));
    }

    [Fact]
    public async Task ProjectWithoutOutputs_EndsCompletedAtLinking()
    {
        _folder.EditConfigJson(Path.Combine("projects", Project + ".json"), node => node.AsObject().Remove("outputs"));

        var run = await LinkAsync();

        Assert.Equal((RunState.Completed, RunStage.Linked), (run.State, run.Stage));
        Assert.Equal(0, _outputs.Anonymised);
    }

    private void UseApproval(string approval) =>
        _folder.EditConfigJson(Path.Combine("projects", Project + ".json"), node => node["outputs"] = new JsonObject { ["approval"] = approval });

    private async Task<LinkageRun> LinkAsync()
    {
        if ((await Ledger.GetAcceptedDeliveriesAsync("justice", 1, CancellationToken.None)).Count == 0)
        {
            await AcceptBothSourcesAsync();
        }

        var outcome = await Parts.Runner(_linkage).RunAsync(Project, "test", CancellationToken.None);
        Assert.NotNull(outcome.RunId);
        _time.Advance(TimeSpan.FromMinutes(1));
        return await RunAsync(outcome.RunId);
    }

    /// <summary>A run another process took to <paramref name="stage"/> before it died (its lease expired).</summary>
    private async Task<string> AbandonedRunAsync(RunStage stage)
    {
        await AcceptBothSourcesAsync();
        var deliveries = new List<string>();
        foreach (var source in new[] { "justice", "welfare" })
        {
            deliveries.Add((await Ledger.GetAcceptedDeliveriesAsync(source, 1, CancellationToken.None))[0].Id);
        }

        var runId = RunIds.Create(_time);
        await Ledger.StartRunAsync(new RunStart(runId, Project, _folder.Paths.RunFolder(Project, runId), deliveries, Owners.Other), CancellationToken.None);
        Directory.CreateDirectory(_folder.Paths.RunFolder(Project, runId));
        await Ledger.RecordLinkedAsync(runId, Owners.Other, new Dictionary<string, long>(), CancellationToken.None);
        if (stage >= RunStage.Anonymised)
        {
            await Ledger.RecordAnonymisedAsync(runId, Owners.Other, CancellationToken.None);
        }

        if (stage >= RunStage.Checked)
        {
            await Ledger.RecordCheckedAsync(runId, Owners.Other, new RunCheck(RunCheck.Pass, 0), CancellationToken.None);
        }

        if (stage >= RunStage.Approved)
        {
            await Ledger.ApproveAutomaticallyAsync(runId, Owners.Other, CancellationToken.None);
        }

        _time.Advance(LeaseTerms.Default.Duration);
        return runId;
    }

    private async Task AcceptBothSourcesAsync()
    {
        foreach (var source in new[] { "justice", "welfare" })
        {
            await AcceptedDeliveries.RecordAsync(Ledger, _folder.Paths, source, $"{source}_id\n1\n", CancellationToken.None);
        }
    }

    private async Task<LinkageRun> RunAsync(string runId) => (await Ledger.GetRunAsync(runId, CancellationToken.None))!;

    private async Task<List<string>> ActionsAsync(string runId) => (await Ledger.GetHistoryAsync(runId, CancellationToken.None)).Select(h => h.Action).ToList();

    private string[] ExportedFiles(string runId) =>
        [.. Directory.GetFiles(_folder.Paths.ExportFolder(Project, runId)).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    private async Task AssertAuditIntactAsync()
    {
        var verification = await Ledger.VerifyAuditChainAsync(CancellationToken.None);
        Assert.True(verification.IsIntact, verification.Problem);
    }
}
