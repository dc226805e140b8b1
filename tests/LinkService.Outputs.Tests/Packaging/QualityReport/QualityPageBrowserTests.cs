using System.Text.Json;
using LinkService.Linkage.Running;
using LinkService.Outputs.Tests.Support;

namespace LinkService.Outputs.Tests.Packaging.QualityReport;

[Collection(RenderedReportGroup.Name)]
public sealed class QualityPageBrowserTests(RenderedReport report)
{
    [Fact]
    public void Report_InChromium_LogsNoConsoleError()
    {
        Assert.Empty(report.ConsoleErrors);
    }

    [Fact]
    public void Report_InChromium_RequestsNothingButItself()
    {
        Assert.Empty(report.FailedRequests);
        Assert.Equal([new Uri(report.ReportPath).AbsoluteUri], report.Requests);
    }

    [Fact]
    public void Report_InChromium_DrawsEveryChartWithBars()
    {
        Assert.Equal(["chart-weights", "chart-comparisons", "chart-sources", "chart-blocking"], report.Charts.Select(c => c.Id));
        Assert.All(report.Charts, c => Assert.True(c.Width > 300 && c.Height > 50 && c.Bars > 0, $"{c.Id}: {c.Width}x{c.Height}, {c.Bars} bars"));
    }

    [Fact]
    public void Report_InChromium_ShowsEveryComparisonLevelOfTheRunsModel()
    {
        using var model = JsonDocument.Parse(File.ReadAllText(Path.Combine(report.RunFolder, RunFiles.Model)));
        var expected = model.RootElement.GetProperty("comparisons").EnumerateArray()
            .SelectMany(c => c.GetProperty("levels").EnumerateArray().Select(l => (c.GetProperty("field").GetString()!, l.GetProperty("level").GetString()!, l.GetProperty("weight").GetDouble())))
            .ToList();

        Assert.True(expected.Count > 5);
        Assert.Equal(expected.Count, report.ComparisonRows.Length);
        for (var i = 0; i < expected.Count; i++)
        {
            var (field, level, weight) = expected[i];
            Assert.StartsWith(field, report.ComparisonRows[i][0], StringComparison.Ordinal);
            Assert.StartsWith(level, report.ComparisonRows[i][1], StringComparison.Ordinal);
            Assert.Equal(weight, double.Parse(report.ComparisonRows[i][4], System.Globalization.CultureInfo.InvariantCulture), 0.0051);
        }
    }

    [Fact]
    public void Report_InChromium_ScreenshotsAsAPageOfContent()
    {
        // A PNG whose size shows more than a blank page; the screenshot itself is for a person to look at.
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], report.Screenshot.Take(4));
        Assert.True(report.Screenshot.Length > 50_000, $"{report.Screenshot.Length} bytes");
    }
}
