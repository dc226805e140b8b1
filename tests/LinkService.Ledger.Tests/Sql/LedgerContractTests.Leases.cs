using System.Data.Common;
using LinkService.Ledger.Runs;
using LinkService.Ledger.Tests.Support;

namespace LinkService.Ledger.Tests.Sql;

public abstract partial class LedgerContractTests
{
    [Fact]
    public async Task StartRunAsync_ProjectRunningUnderALiveLease_IsRefusedNamingTheHolder()
    {
        await StartAsync("r1", "p", Owners.Other);
        _fixture.Time.Advance(_fixture.Terms.Duration - TimeSpan.FromSeconds(1));

        var second = await StartAsync("r2", "p", Owners.This);

        Assert.Null(second.Started);
        Assert.Equal("r1", second.Holder!.Id);
        Assert.Equal(Owners.Other, second.Holder.Lease!.Owner);
        Assert.Null(await _fixture.Ledger.GetRunAsync("r2", CancellationToken.None));
        Assert.Equal(RunState.Running, (await _fixture.Ledger.GetRunAsync("r1", CancellationToken.None))!.State);
    }

    [Fact]
    public async Task StartRunAsync_OtherProjectRunning_Starts()
    {
        await StartAsync("r1", "p", Owners.Other);

        var second = await StartAsync("r2", "q", Owners.This);

        Assert.Equal("r2", second.Started!.Id);
    }

    [Fact]
    public async Task StartRunAsync_HoldersLeaseExpired_TakesItOverAndStarts()
    {
        await StartAsync("r1", "p", Owners.Other);
        _fixture.Time.Advance(_fixture.Terms.Duration);

        var second = await StartAsync("r2", "p", Owners.This);

        Assert.Equal((RunState.Running, Owners.This), (second.Started!.State, second.Started.Lease!.Owner));
        var takenOver = Assert.Single(second.TakenOver);
        Assert.Equal(("r1", RunState.Failed), (takenOver.Id, takenOver.State));
        Assert.Contains("its owner, process 4242 on host node-b, stopped renewing its lease", takenOver.FailureReason, StringComparison.Ordinal);
        Assert.True((await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None)).IsIntact);
    }

    [Fact]
    public async Task RenewLeaseAsync_OwnerRenewsInTime_KeepsTheRunPastItsFirstExpiry()
    {
        await StartAsync("r1", "p", Owners.Other);
        for (var i = 0; i < 8; i++)
        {
            _fixture.Time.Advance(_fixture.Terms.RenewEvery);
            Assert.True(await _fixture.Ledger.RenewLeaseAsync("r1", Owners.Other, CancellationToken.None));
        }

        var second = await StartAsync("r2", "p", Owners.This);

        Assert.Equal("r1", second.Holder?.Id);
        Assert.Equal(_fixture.Time.GetUtcNow() + _fixture.Terms.Duration, second.Holder!.Lease!.ExpiresAt);
    }

    [Fact]
    public async Task RenewLeaseAsync_ByAnotherOwner_IsRefusedAndExtendsNothing()
    {
        var started = (await StartAsync("r1", "p", Owners.Other)).Started!;
        _fixture.Time.Advance(_fixture.Terms.RenewEvery);

        Assert.False(await _fixture.Ledger.RenewLeaseAsync("r1", Owners.This, CancellationToken.None));
        Assert.Equal(started.Lease, (await _fixture.Ledger.GetRunAsync("r1", CancellationToken.None))!.Lease);
    }

    [Fact]
    public async Task RenewLeaseAsync_AfterTheRunWasTakenOver_TellsTheOwnerItLostTheRun()
    {
        await StartAsync("r1", "p", Owners.Other);
        _fixture.Time.Advance(_fixture.Terms.Duration + TimeSpan.FromSeconds(1));
        await StartAsync("r2", "p", Owners.This);

        Assert.False(await _fixture.Ledger.RenewLeaseAsync("r1", Owners.Other, CancellationToken.None));
    }

    [Fact]
    public async Task TakeOverAsync_LeaseStillLive_LeavesTheRunToItsOwner()
    {
        await StartAsync("r1", "p", Owners.Other);
        _fixture.Time.Advance(_fixture.Terms.Duration - TimeSpan.FromMilliseconds(1));

        Assert.Null(await _fixture.Ledger.TakeOverAsync("r1", CancellationToken.None));
        Assert.Equal(RunState.Running, (await _fixture.Ledger.GetRunAsync("r1", CancellationToken.None))!.State);
    }

    [Fact]
    public async Task TakeOverAsync_LeaseExpired_RecordsTheRunAsFailed()
    {
        await StartAsync("r1", "p", Owners.Other);
        _fixture.Time.Advance(_fixture.Terms.Duration);

        var takenOver = await _fixture.Ledger.TakeOverAsync("r1", CancellationToken.None);

        Assert.Equal(RunState.Failed, takenOver!.State);
        Assert.Equal(RunState.Failed, (await _fixture.Ledger.GetRunAsync("r1", CancellationToken.None))!.State);
    }

    [Fact]
    public async Task RunsTable_SecondRunningRunOfAProject_IsRefusedByTheDatabase()
    {
        await StartAsync("r1", "p", Owners.Other);

        var refused = Assert.ThrowsAny<DbException>(() => Tamper(
            "INSERT INTO runs (id, project, state, run_folder, started_at, owner_host, owner_pid, lease_expires_at) " +
            "VALUES ('r2', 'p', 'Running', '/runs/r2', '2026-11-25T09:00:00.0000000Z', 'node-c', 7, '2026-11-25T09:01:00.0000000Z');"));

        Assert.True(_fixture.Database.IsUniqueViolation(refused), refused.Message);
    }

    [Fact]
    public async Task StartRunAsync_RunsLeftRunningBeforeLeasesExisted_AreTakenOverFirst()
    {
        await _fixture.StoredDeliveryAsync("justice", new string('a', 64));
        Tamper(
            "INSERT INTO runs (id, project, state, run_folder, started_at) VALUES ('old1', 'p', 'Running', '/runs/old1', '2026-11-01T00:00:00.0000000Z'), " +
            "('old2', 'p', 'Running', '/runs/old2', '2026-11-02T00:00:00.0000000Z');");

        var started = await StartAsync("r1", "p", Owners.This);

        Assert.Equal(["old1", "old2"], started.TakenOver.Select(r => r.Id));
        Assert.All(started.TakenOver, r => Assert.Equal("interrupted: the service stopped or crashed during the run", r.FailureReason));
        Assert.Equal(["r1"], (await _fixture.Ledger.GetRunsInStateAsync(RunState.Running, CancellationToken.None)).Select(r => r.Id));
    }

    private Task<RunStartResult> StartAsync(string runId, string project, RunOwner owner) =>
        _fixture.Ledger.StartRunAsync(new RunStart(runId, project, "/runs/" + runId, [], owner), CancellationToken.None);
}
