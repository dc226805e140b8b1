using LinkService.Linkage.Progress;
using Microsoft.Extensions.Time.Testing;

namespace LinkService.Linkage.Tests.Progress;

public sealed class ProgressTrackerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Begin_NextStage_EndsTheRunningOneThen()
    {
        var tracker = new ProgressTracker(_time);
        var read = tracker.Begin("read", "records", null);
        _time.Advance(TimeSpan.FromSeconds(3));

        var standardise = tracker.Begin("standardise", "distinct values", 10);

        Assert.Equal(TimeSpan.FromSeconds(3), _time.GetElapsedTime(read.Started, read.Ended!.Value));
        Assert.Null(standardise.Ended);
        Assert.Equal([read, standardise], tracker.Stages);
    }

    [Fact]
    public void Advance_FromManyThreadsAtOnce_CountsEveryUnit()
    {
        var stage = new ProgressTracker(_time).Begin("compare and score", "candidate pairs", null);

        Parallel.For(0, 10_000, _ => stage.Advance(3));

        Assert.Equal(30_000, stage.Done);
    }

    [Fact]
    public void None_StagesBegunOnIt_AreNotKept()
    {
        ProgressTracker.None.Begin("read", "records", null).Advance(5);

        Assert.Empty(ProgressTracker.None.Stages);
    }
}
