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
        Assert.Contains($"Project {Project} was not linked: run elsewhere is linking it in process 4242 on host node-b, whose lease runs until ", result.Error, StringComparison.Ordinal);
        Assert.Contains(" UTC; should that process have stopped, a link after then takes the run over.", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder.Paths.RunsRoot, Project)));
    }

    [Fact]
    public async Task Link_StandardErrorNotATerminal_PrintsAProgressLineAsEachStageEnds()
    {
        using var folder = new ServiceFolder();
        folder.EditConfigJson(Path.Combine("projects", Project + ".json"), node => node.AsObject().Remove("outputs"));
        var extracts = Extracts.ForPeople(50);
        using (var opened = new OpenedLedger(folder))
        {
            await AcceptedDeliveries.RecordAsync(opened.Ledger, folder.Paths, "justice", extracts.JusticeCsv, CancellationToken.None);
            await AcceptedDeliveries.RecordAsync(opened.Ledger, folder.Paths, "welfare", extracts.WelfareCsv, CancellationToken.None);
        }

        var result = await Support.Cli.RunAsync("link", "--project", Project, "--config", folder.ConfigDirectory);

        result.AssertExitCode(0);
        var runId = result.Output.Split('\n').Single(l => l.StartsWith("run ", StringComparison.Ordinal))["run ".Length..].Trim();
        var head = $"Run {runId} of project {Project}: ";
        // A loaded machine may also print a line for a stage still running, at each tick.
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith(head, StringComparison.Ordinal) && l.Contains(", done", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["read", "standardise", "blocking", "u from random pairs", "compare (training pass)", "EM", "compare and score", "cluster", "matches outside blocks", "write"],
            lines.Select(l => l[head.Length..l.IndexOf(", done", StringComparison.Ordinal)]));
        var records = RecordsIn(extracts.JusticeCsv) + RecordsIn(extracts.WelfareCsv);
        Assert.StartsWith($"{head}read, done: {records:N0} records in ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain('\r', result.Error);
    }

    /// <summary>The setting reaches the run: switched off, the run says so; on (the default), it asks or says why it cannot, on any machine.</summary>
    [Theory]
    [InlineData(false, "Transparent huge pages not asked for: switched off in the settings")]
    [InlineData(true, "Transparent huge pages ")]
    public async Task Link_TransparentHugePagesSetting_IsWhatTheRunSaysItDid(bool enabled, string said)
    {
        using var folder = new ServiceFolder();
        folder.EditConfigJson(Path.Combine("projects", Project + ".json"), node => node.AsObject().Remove("outputs"));
        folder.EditAppSettings(settings => settings["LinkService"]!["Runs"] = new System.Text.Json.Nodes.JsonObject { ["TransparentHugePages"] = enabled });
        var extracts = Extracts.ForPeople(20);
        using (var opened = new OpenedLedger(folder))
        {
            await AcceptedDeliveries.RecordAsync(opened.Ledger, folder.Paths, "justice", extracts.JusticeCsv, CancellationToken.None);
            await AcceptedDeliveries.RecordAsync(opened.Ledger, folder.Paths, "welfare", extracts.WelfareCsv, CancellationToken.None);
        }

        var result = await Support.Cli.RunAsync("link", "--project", Project, "--config", folder.ConfigDirectory);

        result.AssertExitCode(0);
        var log = folder.AllLogText();
        Assert.Contains(said, log, StringComparison.Ordinal);
        Assert.Equal(enabled, !log.Contains("switched off in the settings", StringComparison.Ordinal));
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

    private static int RecordsIn(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
}
