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

        // Nothing was delivered, so the scheduled fire is not due and says why.
        await Eventually.TrueAsync(
            () => folder.AllLogText().Contains("Project reoffending-benefits is not due, so no run was started: sources 'justice', 'welfare' have no accepted delivery yet", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30),
            "the scheduled linkage job to run");
        await stop.CancelAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        result.AssertExitCode(0);
    }

    [Fact]
    public async Task Run_ScheduleFiringEverySecondOnUnchangedDeliveries_LinksThemOnceAndThenSaysItIsNotDue()
    {
        using var folder = new ServiceFolder();
        folder.EditConfigJson(Path.Combine("projects", "reoffending-benefits.json"), project => project["schedule"] = "* * * * * ?");
        var extracts = Extracts.ForPeople(20);
        using (var opened = new OpenedLedger(folder))
        {
            await AcceptedDeliveries.RecordAsync(opened.Ledger, folder.Paths, "justice", extracts.JusticeCsv, CancellationToken.None);
            await AcceptedDeliveries.RecordAsync(opened.Ledger, folder.Paths, "welfare", extracts.WelfareCsv, CancellationToken.None);
        }

        using var stop = new CancellationTokenSource();
        var run = Support.Cli.RunAsync(stop.Token, "run", "--config", folder.ConfigDirectory);
        await Eventually.TrueAsync(
            () => folder.AllLogText().Contains("no source has a new accepted delivery since run", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60),
            "a fire after the first run to find nothing new");
        await stop.CancelAsync();
        (await run.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken)).AssertExitCode(0);

        using var ledger = new OpenedLedger(folder);
        Assert.Single(await ledger.Ledger.GetRecentRunsAsync("reoffending-benefits", 10, CancellationToken.None));
        Assert.Single(Directory.GetDirectories(Path.Combine(folder.Paths.RunsRoot, "reoffending-benefits")));
    }
}
