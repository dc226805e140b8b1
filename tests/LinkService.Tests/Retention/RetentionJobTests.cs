using System.Text.Json.Nodes;
using LinkService.Tests.Support;

namespace LinkService.Tests.Retention;

/// <summary>The service's scheduler (Quartz) firing the retention job on <c>LinkService:Retention:Schedule</c>.</summary>
public sealed class RetentionJobTests
{
    [Fact]
    public async Task Run_RetentionScheduledEverySecond_TheSchedulerRunsThePass()
    {
        using var folder = new ServiceFolder();
        folder.EditAppSettings(s => s["LinkService"]!["Retention"] = new JsonObject { ["Schedule"] = "* * * * * ?" });
        using var stop = new CancellationTokenSource();

        var run = Support.Cli.RunAsync(stop.Token, "run", "--config", folder.ConfigDirectory);

        await Eventually.TrueAsync(
            () => folder.AllLogText().Contains("Retention pass done: 0 deleted", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30),
            "the scheduled retention job to run");
        await stop.CancelAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        result.AssertExitCode(0);
    }
}
