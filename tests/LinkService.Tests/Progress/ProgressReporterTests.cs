using LinkService.Progress;
using LinkService.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LinkService.Tests.Progress;

public sealed class ProgressReporterTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 2, 0, 0, TimeSpan.Zero));
    private readonly CollectingProgressSink _sink = new();

    [Fact]
    public async Task Tick_StageUnderWay_ReportsDonePercentRateAndTimeLeftAtEachInterval()
    {
        await using var reporter = Start();
        var stage = reporter.Tracker.Begin("compare and score", "candidate pairs", 1000);
        stage.Advance(100);
        _time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.Empty(_sink.Reports);

        stage.Advance(150);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        var (runId, project, report) = Assert.Single(_sink.Reports);
        Assert.Equal(("r1", "p"), (runId, project));
        Assert.Equal(("compare and score", 250L, 1000L, false), (report.Stage, report.Done, report.Total, report.Finished));
        Assert.Equal(25.0, report.Percent);
        Assert.Equal(50.0, report.Rate);
        Assert.Equal(TimeSpan.FromSeconds(15), report.Remaining);

        stage.Advance(250);
        _time.Advance(Interval);
        Assert.Equal([250L, 500L], _sink.Reports.Select(r => r.Report.Done));
        Assert.Equal(TimeSpan.FromSeconds(10), _sink.Reports.Last().Report.Remaining);
    }

    [Fact]
    public async Task Tick_StagesEndedSinceTheLast_AreEachReportedOnceAsFinishedThenTheRunningOne()
    {
        await using var reporter = Start();
        reporter.Tracker.Begin("read", "records", null).Advance(300);
        _time.Advance(TimeSpan.FromSeconds(2));
        reporter.Tracker.Begin("standardise", "distinct values", 40).Advance(40);
        _time.Advance(TimeSpan.FromSeconds(1));
        reporter.Tracker.Begin("EM");
        _time.Advance(TimeSpan.FromSeconds(2));
        _time.Advance(Interval);

        Assert.Equal(
            [("read", true, 300L, 2.0), ("standardise", true, 40L, 1.0), ("EM", false, 0L, 2.0), ("EM", false, 0L, 7.0)],
            _sink.Reports.Select(r => (r.Report.Stage, r.Report.Finished, r.Report.Done, r.Report.Elapsed.TotalSeconds)));
    }

    [Fact]
    public async Task DisposeAsync_EndOfTheRun_ReportsTheLastStageFinishedClosesTheSinkAndStopsTicking()
    {
        var reporter = Start();
        reporter.Tracker.Begin("package");
        _time.Advance(TimeSpan.FromSeconds(3));

        await reporter.DisposeAsync();
        _time.Advance(Interval * 3);

        var (_, _, report) = Assert.Single(_sink.Reports);
        Assert.Equal(("package", true, 3.0), (report.Stage, report.Finished, report.Elapsed.TotalSeconds));
        Assert.True(_sink.Closed);
    }

    [Fact]
    public async Task Tick_StandardErrorGone_StopsReportingWithoutFailingTheWork()
    {
        var reporter = new ProgressReporter("r1", "p", new BrokenPipeSink(), _time, Interval);
        var stage = reporter.Tracker.Begin("read", "records", null);

        _time.Advance(Interval);
        stage.Advance(10);
        _time.Advance(Interval);
        await reporter.DisposeAsync();

        Assert.Equal(10, stage.Done);
    }

    private ProgressReporter Start() => new("r1", "p", _sink, _time, Interval);

    private sealed class BrokenPipeSink : IProgressSink
    {
        private int _reports;

        public void Report(string runId, string project, ProgressReport report) =>
            throw (++_reports == 1 ? new IOException("Broken pipe") : new InvalidOperationException("reported again after the pipe broke"));

        public void Close() => throw new InvalidOperationException("closed after the pipe broke");
    }
}
