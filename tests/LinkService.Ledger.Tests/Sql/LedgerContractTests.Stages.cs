using LinkService.Ledger.Runs;
using LinkService.Ledger.Tests.Support;

namespace LinkService.Ledger.Tests.Sql;

public abstract partial class LedgerContractTests
{
    private const string StageProject = "reoffending-benefits";

    [Fact]
    public async Task Stages_AutomaticPass_GoFromLinkingToPublishedEachWithItsAuditRow()
    {
        var runId = await CheckedRunAsync("r1", new RunCheck(RunCheck.Pass, 0));

        await _fixture.Ledger.ApproveAutomaticallyAsync(runId, Owners.This, CancellationToken.None);
        _fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var run = await _fixture.Ledger.RecordPublishedAsync(runId, Owners.This, CancellationToken.None);

        Assert.Equal((RunState.Completed, RunStage.Published), (run.State, run.Stage));
        Assert.Equal(new RunCheck("pass", 0), run.Check);
        Assert.Equal(RunDecision.Automatic, run.Decision?.By);
        Assert.Equal(_fixture.Time.GetUtcNow(), run.FinishedAt);
        var history = await _fixture.Ledger.GetHistoryAsync(runId, CancellationToken.None);
        Assert.Equal(["started", "linked", "anonymised", "checked", "approved", "published"], history.Select(h => h.Action));
        Assert.True((await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None)).IsIntact);
    }

    [Fact]
    public async Task ApproveHeldAsync_HeldRun_RecordsWhoAndWhenAndMakesTheApproverItsOwner()
    {
        var runId = await HeldRunAsync("r1");
        _fixture.Time.Advance(TimeSpan.FromHours(3));

        var approved = await _fixture.Ledger.ApproveHeldAsync(runId, Owners.Other, "custodian", CancellationToken.None);

        var run = approved.Started!;
        Assert.Equal((RunState.Running, RunStage.Approved), (run.State, run.Stage));
        Assert.Equal(new RunDecision("custodian", _fixture.Time.GetUtcNow(), null), run.Decision);
        Assert.Equal(new RunLease(Owners.Other, _fixture.Time.GetUtcNow() + _fixture.Terms.Duration), run.Lease);
        await _fixture.Ledger.RecordPublishedAsync(runId, Owners.Other, CancellationToken.None);
        Assert.True((await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None)).IsIntact);
    }

    [Fact]
    public async Task ApproveHeldAsync_ApprovedTwice_SecondIsRefusedSayingTheRunIsNotHeld()
    {
        var runId = await HeldRunAsync("r1");
        await _fixture.Ledger.ApproveHeldAsync(runId, Owners.Other, "custodian", CancellationToken.None);
        await _fixture.Ledger.RecordPublishedAsync(runId, Owners.Other, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<RunStateException>(() => _fixture.Ledger.ApproveHeldAsync(runId, Owners.This, "custodian", CancellationToken.None));

        Assert.Equal("Run r1 cannot be approved: it is published, not held for approval.", refused.Message);
    }

    [Fact]
    public async Task ApproveHeldAsync_AnotherRunOfTheProjectLinking_IsRefusedNamingIt()
    {
        var runId = await HeldRunAsync("r1");
        await _fixture.Ledger.StartRunAsync(new RunStart("r2", StageProject, "/runs/r2", [], Owners.Other), CancellationToken.None);

        var result = await _fixture.Ledger.ApproveHeldAsync(runId, Owners.This, "custodian", CancellationToken.None);

        Assert.Equal("r2", result.Holder?.Id);
        Assert.Equal(RunState.Held, (await _fixture.Ledger.GetRunAsync(runId, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task RejectRunAsync_HeldRun_RecordsWhoWhenAndWhyAndTheChainReplaysThem()
    {
        var runId = await HeldRunAsync("r1");

        var run = await _fixture.Ledger.RejectRunAsync(runId, "custodian", "table 3 has a cell of 4", CancellationToken.None);

        Assert.Equal(RunState.Rejected, run.State);
        Assert.Equal(new RunDecision("custodian", _fixture.Time.GetUtcNow(), "table 3 has a cell of 4"), run.Decision);
        await Assert.ThrowsAsync<RunStateException>(() => _fixture.Ledger.ApproveHeldAsync(runId, Owners.This, "custodian", CancellationToken.None));
        Assert.True((await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None)).IsIntact);
    }

    [Theory]
    [InlineData("stage = 'Published'", "stage")]
    [InlineData("verdict = 'pass'", "disclosure verdict")]
    [InlineData("findings = 0", "findings count")]
    [InlineData("decided_by = 'someone-else'", "approver or rejecter")]
    [InlineData("decision_reason = 'no reason'", "rejection reason")]
    public async Task VerifyAuditChainAsync_StageColumnEditedInItsTable_ReportsIt(string edit, string label)
    {
        var runId = await HeldRunAsync("r1");
        await _fixture.Ledger.RejectRunAsync(runId, "custodian", "cells too small", CancellationToken.None);
        Tamper($"UPDATE runs SET {edit} WHERE id = '{runId}';");

        var verification = await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None);

        Assert.False(verification.IsIntact);
        Assert.Equal($"run {runId}: its {label} is not the one the audit chain recorded", verification.Problem);
    }

    [Fact]
    public async Task VerifyAuditChainAsync_HeldRunMarkedPublishedInItsTable_ReportsTheState()
    {
        var runId = await HeldRunAsync("r1");
        Tamper($"UPDATE runs SET state = 'Completed' WHERE id = '{runId}';");

        var verification = await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None);

        Assert.Equal($"run {runId} is Completed in its table but Held in the audit chain", verification.Problem);
    }

    [Fact]
    public async Task RecordAnonymisedAsync_ByAProcessThatIsNotTheOwner_IsRefused()
    {
        await _fixture.Ledger.StartRunAsync(new RunStart("r1", StageProject, "/runs/r1", [], Owners.This), CancellationToken.None);
        await _fixture.Ledger.RecordLinkedAsync("r1", Owners.This, new Dictionary<string, long>(), CancellationToken.None);

        await Assert.ThrowsAsync<RunStateException>(() => _fixture.Ledger.RecordAnonymisedAsync("r1", Owners.Other, CancellationToken.None));
        await Assert.ThrowsAsync<RunStateException>(() => _fixture.Ledger.RecordCheckedAsync("r1", Owners.This, new RunCheck("pass", 0), CancellationToken.None));
    }

    [Fact]
    public async Task ApproveAutomaticallyAsync_VerdictReview_IsRefused()
    {
        var runId = await CheckedRunAsync("r1", new RunCheck("review", 2));

        await Assert.ThrowsAsync<RunStateException>(() => _fixture.Ledger.ApproveAutomaticallyAsync(runId, Owners.This, CancellationToken.None));
    }

    [Fact]
    public async Task ResumeRunAsync_AbandonedAfterLinking_TakesItOverUnderTheNewOwnerKeepingItsStage()
    {
        await _fixture.Ledger.StartRunAsync(new RunStart("r1", StageProject, "/runs/r1", [], Owners.Other), CancellationToken.None);
        await _fixture.Ledger.RecordLinkedAsync("r1", Owners.Other, new Dictionary<string, long>(), CancellationToken.None);
        await _fixture.Ledger.RecordAnonymisedAsync("r1", Owners.Other, CancellationToken.None);
        await Assert.ThrowsAsync<RunStateException>(() => _fixture.Ledger.ResumeRunAsync("r1", Owners.This, CancellationToken.None));
        _fixture.Time.Advance(_fixture.Terms.Duration);

        var run = await _fixture.Ledger.ResumeRunAsync("r1", Owners.This, CancellationToken.None);

        Assert.Equal((RunState.Running, RunStage.Anonymised, Owners.This), (run.State, run.Stage, run.Lease?.Owner));
        Assert.Equal("resumed", (await _fixture.Ledger.GetHistoryAsync("r1", CancellationToken.None))[^1].Action);
        Assert.True((await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None)).IsIntact);
    }

    [Fact]
    public async Task StartRunAsync_RunAbandonedAfterLinking_IsRefusedNamingItAndLeftToBeResumed()
    {
        await _fixture.Ledger.StartRunAsync(new RunStart("r1", StageProject, "/runs/r1", [], Owners.Other), CancellationToken.None);
        await _fixture.Ledger.RecordLinkedAsync("r1", Owners.Other, new Dictionary<string, long>(), CancellationToken.None);
        _fixture.Time.Advance(_fixture.Terms.Duration);

        var second = await _fixture.Ledger.StartRunAsync(new RunStart("r2", StageProject, "/runs/r2", [], Owners.This), CancellationToken.None);

        Assert.Equal(("r1", null), (second.Holder?.Id, second.Started));
        Assert.Empty(second.TakenOver);
        Assert.True(RunTransitions.IsResumable((await _fixture.Ledger.GetRunAsync("r1", CancellationToken.None))!, _fixture.Time.GetUtcNow()));
    }

    [Fact]
    public async Task TakeOverAsync_RunAbandonedAfterLinking_FailsNothingAndLeavesItToBeResumed()
    {
        await _fixture.Ledger.StartRunAsync(new RunStart("r1", StageProject, "/runs/r1", [], Owners.Other), CancellationToken.None);
        await _fixture.Ledger.RecordLinkedAsync("r1", Owners.Other, new Dictionary<string, long>(), CancellationToken.None);
        _fixture.Time.Advance(_fixture.Terms.Duration);

        Assert.Null(await _fixture.Ledger.TakeOverAsync("r1", CancellationToken.None));
        var run = (await _fixture.Ledger.GetRunAsync("r1", CancellationToken.None))!;
        Assert.Equal((RunState.Running, RunStage.Linked), (run.State, run.Stage));
    }

    [Fact]
    public async Task ReleaseLeaseAsync_OwnersRun_IsResumableAtOnce()
    {
        await _fixture.Ledger.StartRunAsync(new RunStart("r1", StageProject, "/runs/r1", [], Owners.Other), CancellationToken.None);
        await _fixture.Ledger.RecordLinkedAsync("r1", Owners.Other, new Dictionary<string, long>(), CancellationToken.None);

        await _fixture.Ledger.ReleaseLeaseAsync("r1", Owners.Other, CancellationToken.None);

        Assert.True(RunTransitions.IsResumable((await _fixture.Ledger.GetRunAsync("r1", CancellationToken.None))!, _fixture.Time.GetUtcNow()));
    }

    [Fact]
    public async Task GetStatusAsync_HeldRuns_AreListedAsAwaitingApprovalWithTheirVerdicts()
    {
        await HeldRunAsync("r1");

        var status = await _fixture.Ledger.GetStatusAsync(5, CancellationToken.None);

        var held = Assert.Single(status.AwaitingApproval);
        Assert.Equal(("r1", new RunCheck("review", 3)), (held.Id, held.Check));
    }

    [Fact]
    public async Task CompleteRunAsync_RunThatLinkedForItsOutputs_IsRefused()
    {
        await _fixture.Ledger.StartRunAsync(new RunStart("r1", StageProject, "/runs/r1", [], Owners.This), CancellationToken.None);
        await _fixture.Ledger.RecordLinkedAsync("r1", Owners.This, new Dictionary<string, long>(), CancellationToken.None);

        await Assert.ThrowsAsync<RunStateException>(() => _fixture.Ledger.CompleteRunAsync("r1", new Dictionary<string, long>(), CancellationToken.None));
    }

    private async Task<string> CheckedRunAsync(string runId, RunCheck check)
    {
        await _fixture.Ledger.StartRunAsync(new RunStart(runId, StageProject, "/runs/" + runId, [], Owners.This), CancellationToken.None);
        await _fixture.Ledger.RecordLinkedAsync(runId, Owners.This, new Dictionary<string, long> { ["links"] = 3 }, CancellationToken.None);
        await _fixture.Ledger.RecordAnonymisedAsync(runId, Owners.This, CancellationToken.None);
        await _fixture.Ledger.RecordCheckedAsync(runId, Owners.This, check, CancellationToken.None);
        return runId;
    }

    private async Task<string> HeldRunAsync(string runId)
    {
        await CheckedRunAsync(runId, new RunCheck("review", 3));
        await _fixture.Ledger.HoldRunAsync(runId, Owners.This, CancellationToken.None);
        return runId;
    }
}
