using LinkService.Progress;
using LinkService.Tests.Support;

namespace LinkService.Tests.Progress;

public sealed class LogProgressSinkTests
{
    private readonly CollectingLogger<LogProgressSink> _logger = new();

    [Fact]
    public void Report_StageWithATotal_LogsDoneOfTotalPercentRateAndSecondsLeft()
    {
        Sink().Report("r1", "p", new ProgressReport("compare and score", "candidate pairs", 250, 1000, TimeSpan.FromSeconds(5), Finished: false));

        var (eventId, message) = Assert.Single(_logger.Lines);
        Assert.Equal(1350, eventId);
        Assert.Equal("Run r1 of project p: compare and score, 250 of 1000 candidate pairs (25.0 %) at 50 a second, about 15 s left", message);
    }

    [Fact]
    public void Report_StageWithoutATotal_LogsDoneAndRateSoFar()
    {
        Sink().Report("r1", "p", new ProgressReport("read", "records", 3000, null, TimeSpan.FromSeconds(6), Finished: false));

        Assert.Equal([(1351, "Run r1 of project p: read, 3000 records so far at 500 a second (6 s)")], _logger.Lines);
    }

    [Fact]
    public void Report_StageThatCountsNothing_LogsHowLongItHasRun()
    {
        Sink().Report("r1", "p", new ProgressReport("EM", "", 0, null, TimeSpan.FromSeconds(12), Finished: false));

        Assert.Equal([(1352, "Run r1 of project p: EM, running for 12 s")], _logger.Lines);
    }

    [Fact]
    public void Report_StageEnded_AddsNothingToTheStageLineItLogsItself()
    {
        Sink().Report("r1", "p", new ProgressReport("EM", "", 0, null, TimeSpan.FromSeconds(12), Finished: true));

        Assert.Empty(_logger.Lines);
    }

    private LogProgressSink Sink() => new(_logger);
}
