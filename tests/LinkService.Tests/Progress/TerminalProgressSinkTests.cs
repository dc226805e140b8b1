using LinkService.Progress;

namespace LinkService.Tests.Progress;

public sealed class TerminalProgressSinkTests : IDisposable
{
    private const int Width = 100;
    private static readonly ProgressReport Running = new("compare and score", "candidate pairs", 250, 1000, TimeSpan.FromSeconds(5), Finished: false);
    private readonly StringWriter _error = new();

    public void Dispose() => _error.Dispose();

    [Fact]
    public void Report_OnATerminal_RedrawsOneLineInPlaceAndLeavesALinePerEndedStage()
    {
        var sink = new TerminalProgressSink(_error, isTerminal: true, () => Width);

        sink.Report("r1", "p", Running);
        sink.Report("r1", "p", Running with { Done = 500, Elapsed = TimeSpan.FromSeconds(10) });
        sink.Report("r1", "p", Running with { Done = 1000, Elapsed = TimeSpan.FromSeconds(20), Finished = true });
        sink.Report("r1", "p", new ProgressReport("cluster", "", 0, null, TimeSpan.FromSeconds(1), Finished: false));
        sink.Close();

        var drawn = _error.ToString().Split('\r')[1..^1];
        Assert.All(drawn, line => Assert.True(line.TrimEnd('\n').Length == Width - 1, $"'{line}' is not as wide as the terminal less one"));
        Assert.StartsWith("compare and score [##", drawn[0], StringComparison.Ordinal);
        Assert.Contains("  50.0 %", drawn[1], StringComparison.Ordinal);
        Assert.Equal("compare and score: 1k candidate pairs in 20 s", drawn[2].Trim());
        Assert.EndsWith("\n", drawn[2], StringComparison.Ordinal);
        Assert.Equal("cluster  1 s", drawn[3].Trim());
        Assert.Equal("", drawn[4].Trim());
        Assert.Equal('\r', _error.ToString()[^1]);
    }

    [Fact]
    public void Report_ToAPipeOrFile_WritesWholeLinesAndNoCarriageReturn()
    {
        var sink = new TerminalProgressSink(_error, isTerminal: false, () => throw new InvalidOperationException("a pipe has no width"));

        sink.Report("r1", "p", Running);
        sink.Report("r1", "p", Running with { Done = 1000, Elapsed = TimeSpan.FromSeconds(20), Finished = true });
        sink.Close();

        Assert.Equal(
            "Run r1 of project p: compare and score, 250 of 1,000 candidate pairs (25.0 %) at 50 a second, about 15 s left" + Environment.NewLine
            + "Run r1 of project p: compare and score, done: 1,000 candidate pairs in 20 s" + Environment.NewLine,
            _error.ToString());
    }
}
