using LinkService.Progress;

namespace LinkService.Tests.Progress;

public sealed class ProgressBarTests
{
    private static readonly ProgressReport Halfway = new("compare and score", "candidate pairs", 12_600_000, 25_200_000, TimeSpan.FromSeconds(10), Finished: false);

    [Fact]
    public void Render_WideTerminal_DrawsABarFilledToThePercentageWithFiguresAndTimeLeft()
    {
        var line = ProgressBar.Render(Halfway, 100);

        Assert.Equal(99, line.Length);
        Assert.StartsWith("compare and score [", line, StringComparison.Ordinal);
        Assert.EndsWith("]   50.0 %  12.6M/25.2M candidate pairs  1.3M/s  10 s left", line, StringComparison.Ordinal);
        var bar = line[(line.IndexOf('[', StringComparison.Ordinal) + 1)..line.IndexOf(']', StringComparison.Ordinal)];
        Assert.Equal(bar.Length / 2, bar.Count(c => c == '#'));
        Assert.Equal(bar.Length - (bar.Length / 2), bar.Count(c => c == '.'));
    }

    [Fact]
    public void Render_NarrowTerminal_LeavesOutTheBarAndNeverFillsTheLastColumn()
    {
        Assert.Equal("compare and score   50.0 %  12.6M/25.2M candidate pairs  1.3M/s  10 s left", ProgressBar.Render(Halfway, 80));
        Assert.Equal("compare and score   50.0 %  12.6M/25.2M c", ProgressBar.Render(Halfway, 42));
    }

    [Fact]
    public void Render_StageWithoutATotal_ShowsCountRateAndTimeSoFarWithoutABar()
    {
        var reading = new ProgressReport("read", "records", 3_400_000, null, TimeSpan.FromSeconds(3.4), Finished: false);

        Assert.Equal("read  3.4M records  1M/s  3 s", ProgressBar.Render(reading, 120));
    }

    [Fact]
    public void Finished_StageEnded_SaysWhatItDidAndHowLongItTook()
    {
        var done = Halfway with { Done = 25_200_000, Elapsed = TimeSpan.FromSeconds(95), Finished = true };

        Assert.Equal("compare and score: 25.2M candidate pairs in 1 min 35 s", ProgressBar.Finished(done, 120));
        Assert.Equal("EM: done in 0.4 s", ProgressBar.Finished(new ProgressReport("EM", "", 0, null, TimeSpan.FromSeconds(0.4), Finished: true), 120));
    }
}
