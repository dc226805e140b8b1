using LinkService.Outputs.Packaging;
using Microsoft.Extensions.Time.Testing;
using PuppeteerSharp;

namespace LinkService.Outputs.Tests.Support;

/// <summary>
/// The linkage quality report of a real run, opened once in the system's headless Chromium (Debian's <c>chromium</c>,
/// installed by .ci/run): what the console said, which requests were made or failed, what the charts and the table
/// hold as drawn, and a screenshot. One run and one browser for every test that looks at them keeps the suite fast.
/// </summary>
public sealed class RenderedReport : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly TempDirectory _temp = new();

    public List<string> ConsoleErrors { get; } = [];

    public List<string> Requests { get; } = [];

    public List<string> FailedRequests { get; } = [];

    public string ReportPath { get; private set; } = "";

    public string RunFolder { get; private set; } = "";

    public string OutputFolder { get; private set; } = "";

    public ChartFacts[] Charts { get; private set; } = [];

    public string[][] ComparisonRows { get; private set; } = [];

    public byte[] Screenshot { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var output = await LinkedRun.PackageAsync(_temp, new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 2, 30, 0, TimeSpan.Zero)), cancellationToken);
        RunFolder = output.Request.RunFolder;
        OutputFolder = output.Folder;
        ReportPath = Path.Combine(output.Folder, OutputFiles.QualityReportHtml);

        var options = new LaunchOptions { Headless = true, ExecutablePath = Chromium, Args = Environment.UserName == "root" ? ["--no-sandbox"] : [] };
        await using var browser = await Puppeteer.LaunchAsync(options);
        await using var page = await browser.NewPageAsync();
        page.Console += (_, e) =>
        {
            if (e.Message.Type is ConsoleType.Error or ConsoleType.Warning)
            {
                ConsoleErrors.Add(e.Message.Text);
            }
        };
        page.PageError += (_, e) => ConsoleErrors.Add(e.Message);
        page.Request += (_, e) => Requests.Add(e.Request.Url);
        page.RequestFailed += (_, e) => FailedRequests.Add(e.Request.Url);
        await page.SetViewportAsync(new ViewPortOptions { Width = 1100, Height = 900 });
        await page.GoToAsync(new Uri(ReportPath).AbsoluteUri, WaitUntilNavigation.Load);

        Charts = await page.EvaluateExpressionAsync<ChartFacts[]>("""
            Array.from(document.querySelectorAll('svg.chart')).map(svg => ({
              id: svg.id,
              width: svg.getBoundingClientRect().width,
              height: svg.getBoundingClientRect().height,
              bars: Array.from(svg.querySelectorAll('rect')).filter(r => r.getBBox().width > 0 && r.getBBox().height > 0).length
            }))
            """);
        ComparisonRows = await page.EvaluateExpressionAsync<string[][]>(
            "Array.from(document.querySelectorAll('#comparison-table tbody tr')).map(r => Array.from(r.cells).map(c => c.textContent))");
        Screenshot = await page.ScreenshotDataAsync(new ScreenshotOptions { FullPage = true, Type = ScreenshotType.Png });
    }

    public ValueTask DisposeAsync()
    {
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>One chart as the browser laid it out: its size and how many bars have an area.</summary>
    public sealed record ChartFacts(string Id, double Width, double Height, int Bars);
}

/// <summary>The tests that share one <see cref="RenderedReport"/>.</summary>
[CollectionDefinition(Name)]
public sealed class RenderedReportGroup : ICollectionFixture<RenderedReport>
{
    public const string Name = "A real run's output, rendered";
}
