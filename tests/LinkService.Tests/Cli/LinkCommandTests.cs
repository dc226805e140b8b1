using LinkService.Ledger.Runs;
using LinkService.Tests.Support;

namespace LinkService.Tests.Cli;

public sealed class LinkCommandTests
{
    private const string Project = "reoffending-benefits";

    [Fact]
    public async Task Link_WhereThereIsNoSite_SaysSoWithExitTwoAndCreatesNothing()
    {
        using var folder = new ServiceFolder();

        var result = await Support.Cli.RunAsync("link", "--project", Project, "--config", folder.ConfigDirectory);

        result.AssertExitCode(2);
        Assert.Contains("There is no LinkService site here", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.Combine("var")), "link created folders");
    }

    [Fact]
    public async Task Link_ProjectBeingLinkedByAnotherProcess_ExitsOneNamingThatRunAndStartsNone()
    {
        using var folder = new ServiceFolder();
        using (var opened = new OpenedLedger(folder))
        {
            foreach (var source in new[] { "justice", "welfare" })
            {
                await AcceptedDeliveries.RecordAsync(opened.Ledger, folder.Paths, source, $"{source}_id\n1\n", CancellationToken.None);
            }

            await opened.Ledger.StartRunAsync(new RunStart("elsewhere", Project, "runs/elsewhere", [], Owners.Other), CancellationToken.None);
        }

        var result = await Support.Cli.RunAsync("link", "--project", Project, "--config", folder.ConfigDirectory);

        result.AssertExitCode(1);
        Assert.Contains($"Project {Project} was not linked: run elsewhere is linking it in process 4242 on host node-b.", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder.Paths.RunsRoot, Project)));
    }

    [Fact]
    public async Task Link_StoppedBeforeItFinished_SaysItWasCancelled()
    {
        using var folder = new ServiceFolder();
        using (var opened = new OpenedLedger(folder))
        {
            await opened.Ledger.GetStatusAsync(0, CancellationToken.None);
        }

        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();

        var result = await Support.Cli.RunAsync(stop.Token, "link", "--project", Project, "--config", folder.ConfigDirectory);

        result.AssertExitCode(1);
        Assert.Contains($"Cancelled: project {Project} was not linked, or its outputs not finished.", result.Error, StringComparison.Ordinal);
    }
}
