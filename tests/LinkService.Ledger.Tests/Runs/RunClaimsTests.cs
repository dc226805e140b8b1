using LinkService.Ledger.Runs;
using LinkService.Ledger.Tests.Support;

namespace LinkService.Ledger.Tests.Runs;

/// <summary>The ownership rules alone, as any ledger provider applies them.</summary>
public sealed class RunClaimsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Decide_NothingRunning_Starts()
    {
        var decision = RunClaims.Decide([], Now);

        Assert.False(decision.Refused);
        Assert.Empty(decision.ToTakeOver);
    }

    [Fact]
    public void Decide_RunWithALiveLease_IsRefusedInItsFavour()
    {
        var holder = Running("r1", Now.AddTicks(1));

        var decision = RunClaims.Decide([holder], Now);

        Assert.Same(holder, decision.Holder);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void Decide_LeaseExpiredAtOrBeforeNow_TakesTheRunOver(int secondsFromNow)
    {
        var abandoned = Running("r1", Now.AddSeconds(secondsFromNow));

        var decision = RunClaims.Decide([abandoned], Now);

        Assert.Equal([abandoned], decision.ToTakeOver);
    }

    [Fact]
    public void Decide_AbandonedAfterItLinked_IsRefusedInItsFavourToBeResumedNotFailed()
    {
        var linked = Running("r1", Now.AddSeconds(-1)) with { Stage = RunStage.Anonymised };

        var decision = RunClaims.Decide([linked], Now);

        Assert.Same(linked, decision.Holder);
        Assert.Empty(decision.ToTakeOver);
    }

    [Fact]
    public void Decide_UnleasedRunBesideALiveOne_RefusesAndTakesNothingOver()
    {
        var legacy = Running("old", null);
        var holder = Running("r1", Now.AddMinutes(1));

        var decision = RunClaims.Decide([legacy, holder], Now);

        Assert.Same(holder, decision.Holder);
        Assert.Empty(decision.ToTakeOver);
    }

    [Fact]
    public void IsAbandoned_FinishedRun_IsNeverTakenOver()
    {
        var finished = Running("r1", Now.AddMinutes(-5)) with { State = RunState.Completed };

        Assert.False(RunClaims.IsAbandoned(finished, Now));
    }

    private static LinkageRun Running(string id, DateTimeOffset? expires) => new()
    {
        Id = id,
        Project = "p",
        State = RunState.Running,
        RunFolder = "/runs/" + id,
        StartedAt = Now.AddMinutes(-10),
        Lease = expires is { } at ? new RunLease(Owners.Other, at) : null,
    };
}
