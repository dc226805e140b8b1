using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Runs;
using LinkService.Ledger.Tests.Support;

namespace LinkService.Ledger.Tests.Sql;

public abstract partial class LedgerContractTests
{
    [Fact]
    public async Task CompleteRunAsync_StartedRun_RecordsCountsInputsAndFinishTime()
    {
        var delivery = await _fixture.StoredDeliveryAsync("justice", new string('a', 64));
        var runId = RunIds.Create(_fixture.Time);
        await _fixture.Ledger.StartRunAsync(new RunStart(runId, "reoffending-benefits", "/runs/r1", [delivery.Id], Owners.Other), CancellationToken.None);
        _fixture.Time.Advance(TimeSpan.FromMinutes(5));

        var run = await _fixture.Ledger.CompleteRunAsync(runId, new Dictionary<string, long> { ["links"] = 120 }, CancellationToken.None);

        Assert.Equal(RunState.Completed, run.State);
        Assert.Equal(120, run.Counts["links"]);
        Assert.Equal([delivery.Id], run.DeliveryIds);
        Assert.Equal(run.StartedAt.AddMinutes(5), run.FinishedAt);
    }

    [Fact]
    public async Task FailRunAsync_AlreadyCompleted_Throws()
    {
        var runId = RunIds.Create(_fixture.Time);
        await _fixture.Ledger.StartRunAsync(new RunStart(runId, "p", "/runs/r1", [], Owners.Other), CancellationToken.None);
        await _fixture.Ledger.CompleteRunAsync(runId, new Dictionary<string, long>(), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _fixture.Ledger.FailRunAsync(runId, "blocking failed", CancellationToken.None));
    }

    [Fact]
    public async Task GetStatusAsync_DeliveriesAndRuns_CountsByStateAndRecentRunsNewestFirst()
    {
        var accepted = await _fixture.StoredDeliveryAsync("justice", new string('a', 64));
        await _fixture.Ledger.RecordOutcomeAsync(accepted.Id, new DeliveryOutcome { State = DeliveryState.Accepted }, CancellationToken.None);
        await _fixture.StoredDeliveryAsync("justice", new string('b', 64));
        await _fixture.StoredDeliveryAsync("justice", new string('c', 64));
        var first = RunIds.Create(_fixture.Time);
        await _fixture.Ledger.StartRunAsync(new RunStart(first, "p", "/runs/1", [], Owners.Other), CancellationToken.None);
        await _fixture.Ledger.FailRunAsync(first, "blocking failed", CancellationToken.None);
        _fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var second = RunIds.Create(_fixture.Time);
        await _fixture.Ledger.StartRunAsync(new RunStart(second, "p", "/runs/2", [], Owners.Other), CancellationToken.None);

        var status = await _fixture.Ledger.GetStatusAsync(5, CancellationToken.None);

        Assert.Contains(new Status.SourceStateCount("justice", DeliveryState.Accepted, 1), status.Deliveries);
        Assert.Contains(new Status.SourceStateCount("justice", DeliveryState.Stored, 2), status.Deliveries);
        Assert.Equal([(second, RunState.Running), (first, RunState.Failed)], status.RecentRuns.Select(r => (r.Id, r.State)));
        Assert.Equal("blocking failed", status.RecentRuns[1].FailureReason);
    }

    [Fact]
    public async Task GetRunsInStateAsync_RunsOfSeveralProjects_ReturnsOnlyThoseStillRunningOldestFirst()
    {
        var ids = new List<string>();
        foreach (var project in new[] { "a", "b", "c" })
        {
            var runId = RunIds.Create(_fixture.Time);
            await _fixture.Ledger.StartRunAsync(new RunStart(runId, project, "/runs/" + project, [], Owners.Other), CancellationToken.None);
            ids.Add(runId);
            _fixture.Time.Advance(TimeSpan.FromMinutes(1));
        }

        await _fixture.Ledger.CompleteRunAsync(ids[1], new Dictionary<string, long>(), CancellationToken.None);

        var running = await _fixture.Ledger.GetRunsInStateAsync(RunState.Running, CancellationToken.None);
        Assert.Equal([ids[0], ids[2]], running.Select(r => r.Id));
    }
}
