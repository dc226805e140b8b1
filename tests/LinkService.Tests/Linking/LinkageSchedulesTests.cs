using LinkService.Tests.Support;

namespace LinkService.Tests.Linking;

/// <summary>The service's scheduler (Quartz) firing a project's linkage job on the project's own schedule.</summary>
public sealed class LinkageSchedulesTests
{
    [Fact]
    public async Task Run_ProjectScheduledEverySecond_TheSchedulerRunsItsLinkage()
    {
        using var folder = new ServiceFolder();
        folder.EditConfigJson(Path.Combine("projects", "reoffending-benefits.json"), project => project["schedule"] = "* * * * * ?");
        using var stop = new CancellationTokenSource();

        var run = Support.Cli.RunAsync(stop.Token, "run", "--config", folder.ConfigDirectory);

        // Nothing was delivered, so the scheduled run finds no accepted delivery and says so.
        await Eventually.TrueAsync(
            () => folder.AllLogText().Contains("Project reoffending-benefits not linked", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30),
            "the scheduled linkage job to run");
        await stop.CancelAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        result.AssertExitCode(0);
    }
}
