using System.Text.Json;
using System.Text;
using System.Text.Json.Nodes;
using LinkService.Ledger.Runs;
using LinkService.Tests.Support;

namespace LinkService.Tests.EndToEnd;

/// <summary>
/// The whole run, with the real stages after linkage, in real processes. The kills hold the process at a stage with a
/// named pipe where it reads or writes, so it is certainly there when killed (SIGKILL: no finally, no flush):
/// anonymise reads the previous published run's person map; check writes its tables; publish copies the output folder.
/// </summary>
public sealed class PipelineEndToEndTests
{
    private const string Project = "reoffending-benefits";
    private const int People = 200;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task KilledDuringAnonymise_RestartedService_PublishesExactlyOneWholeOutputAndTheChainVerifies()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Named pipes in the file system and SIGKILL are POSIX; the stages and leases are the same on Windows.
        }

        using var folder = await SiteWithAPublishedRunAsync();
        var (personMap, saved) = await PipeInPlaceOfThePersonMapAsync(folder);

        string runId;
        using (var link = ServiceProcess.Start(folder, "link", "--project", Project))
        {
            await using var blocked = await Fifo.WaitForReaderAsync(personMap, Timeout);
            runId = (await RunningAsync(folder)).Id;
            Assert.Equal(RunStage.Linked, (await RunAsync(folder, runId)).Stage);
            await link.KillAsync();
        }

        await RestoreAsync(personMap, saved);
        await RestartAndSettleAsync(folder, runId);

        await AssertPublishedOnceWholeAsync(folder, runId, RunStage.Linked);
    }

    [Fact]
    public async Task KilledDuringCheck_RestartedService_PublishesExactlyOneWholeOutputAndTheChainVerifies()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = await SiteWithAPublishedRunAsync();
        var (personMap, saved) = await PipeInPlaceOfThePersonMapAsync(folder);

        string runId;
        using (var link = ServiceProcess.Start(folder, "link", "--project", Project))
        {
            // Anonymise is held on the person map while the check's first table becomes a pipe, then let go.
            string table;
            await using (var blocked = await Fifo.WaitForReaderAsync(personMap, Timeout))
            {
                runId = (await RunningAsync(folder)).Id;
                table = Path.Combine(folder.Paths.RunOutputFolder(Project, runId), "sentences_by_offence.csv");
                await Fifo.MakeAsync(table);
                await blocked.WriteAsync(saved, TestContext.Current.CancellationToken);
            }

            // Opening the pipe to write the table blocks while nobody reads it: the check cannot get past it.
            await Eventually.TrueAsync(async () => (await RunAsync(folder, runId)).Stage == RunStage.Anonymised, Timeout, "the run is anonymised and checking");
            await link.KillAsync();
        }

        await RestoreAsync(personMap, saved);
        await RestartAndSettleAsync(folder, runId);

        await AssertPublishedOnceWholeAsync(folder, runId, RunStage.Anonymised);
    }

    [Fact]
    public async Task KilledDuringPublish_RestartedService_PublishesExactlyOneWholeOutputAndTheChainVerifies()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = NewSite();
        await DeliverAsync(folder);
        var held = await LinkAsync(folder);
        Assert.Equal(RunState.Held, held.State);
        var output = folder.Paths.RunOutputFolder(Project, held.Id);
        var package = Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        // Copied in the package's order: its last file is made a pipe, so the staging copy is half done when it blocks
        // (the real file waits outside the output, since publishing refuses a file the package does not list).
        using var listing = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "datapackage.json"), TestContext.Current.CancellationToken));
        var resources = listing.RootElement.GetProperty("resources");
        var last = resources[resources.GetArrayLength() - 1].GetProperty("path").GetString()!;
        var block = Path.Combine(output, last);
        var kept = Path.Combine(folder.Root, last);
        File.Move(block, kept);
        await Fifo.MakeAsync(block);
        using (var approve = ServiceProcess.Start(folder, "approve", "--project", Project, "--run", held.Id))
        {
            await using var publishing = await Fifo.WaitForReaderAsync(block, Timeout);
            Assert.Equal(RunStage.Approved, (await RunAsync(folder, held.Id)).Stage);
            Assert.NotEmpty(Directory.GetFiles(folder.Paths.PublishStagingFolder(Project, held.Id)));
            Assert.False(Directory.Exists(folder.Paths.ExportFolder(Project, held.Id)));
            await approve.KillAsync();
        }

        File.Delete(block);
        File.Move(kept, block);
        await RestartAndSettleAsync(folder, held.Id);

        var exported = Directory.GetFiles(folder.Paths.ExportFolder(Project, held.Id)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(package, exported);
        await AssertPublishedOnceWholeAsync(folder, held.Id, RunStage.Approved);
    }

    [Fact]
    public async Task Canary_IdentifiersPlantedInTheInputs_AreNowhereInTheExportLogsReceiptsOrConsole()
    {
        using var folder = NewSite();
        folder.UseFastIntake();
        var extracts = Extracts.ForPeople(People);
        var console = new StringBuilder();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var service = Support.Cli.RunAsync(stop.Token, "run", "--config", folder.ConfigDirectory);
        try
        {
            await Eventually.TrueAsync(() => Directory.Exists(folder.InboxFolder("welfare")), TimeSpan.FromSeconds(30), "the service creates the drop folders");
            await DropAsync(folder.InboxFolder("justice"), "offenders_20261101.csv", extracts.JusticeCsv);
            await DropAsync(folder.InboxFolder("welfare"), "claims_20261101.csv", extracts.WelfareCsv);
            await Eventually.TrueAsync(
                () => Directory.GetFiles(folder.OutboxFolder("justice"), "*.receipt.json").Length == 1 && Directory.GetFiles(folder.OutboxFolder("welfare"), "*.receipt.json").Length == 1,
                TimeSpan.FromSeconds(60),
                "both deliveries are receipted");
            await AcceptedDeliveries.WaitUntilRecordedAsync(folder, TimeSpan.FromSeconds(60), "justice", "welfare");

            var link = await Support.Cli.RunAsync("link", "--project", Project, "--config", folder.ConfigDirectory);
            link.AssertExitCode(0);
            var runId = link.Output.Split('\n')[0]["run ".Length..].Trim();
            var status = await Support.Cli.RunAsync("status", "--config", folder.ConfigDirectory);
            Assert.Contains($"{runId}  {Project}  disclosure verdict", status.Output, StringComparison.Ordinal);
            var approve = await Support.Cli.RunAsync("approve", "--project", Project, "--run", runId, "--config", folder.ConfigDirectory);
            approve.AssertExitCode(0);
            var again = await Support.Cli.RunAsync("approve", "--project", Project, "--run", runId, "--config", folder.ConfigDirectory);
            again.AssertExitCode(1);
            Assert.Contains("it is published, not held for approval", again.Error, StringComparison.Ordinal);
            foreach (var result in new[] { link, status, approve, again })
            {
                console.Append(result.Output).Append(result.Error);
            }
        }
        finally
        {
            await stop.CancelAsync();
            var stopped = await service.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
            console.Append(stopped.Output).Append(stopped.Error);
        }

        var files = new[] { folder.Paths.ExportRoot, Path.Combine(folder.Paths.WorkRoot, "logs"), folder.OutboxFolder("justice"), folder.OutboxFolder("welfare") }
            .SelectMany(root => Directory.GetFiles(root, "*", SearchOption.AllDirectories))
            .ToList();
        Assert.Contains(files, f => f.EndsWith("datapackage.json", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".clef", StringComparison.Ordinal));
        var haystacks = files.Select(f => (Name: f, Bytes: File.ReadAllBytes(f))).Append(("console", Encoding.UTF8.GetBytes(console.ToString()))).ToList();
        foreach (var value in extracts.IdentifierValues)
        {
            foreach (var (name, bytes) in haystacks)
            {
                Assert.False(ContainsIgnoringCase(bytes, value), $"an identifier value ({value.Length} characters) is in {Path.GetFileName(name)}");
            }
        }
    }

    /// <summary>A site on the default configuration, approval automatic, with leases short enough that a killed owner's run is taken over in seconds.</summary>
    private static ServiceFolder NewSite(string approval = "custodian")
    {
        var folder = new ServiceFolder();
        folder.EditAppSettings(settings => settings["LinkService"]!["Runs"] = new JsonObject { ["LeaseDuration"] = "00:00:03", ["LeaseRenewEvery"] = "00:00:01" });
        folder.EditConfigJson(Path.Combine("projects", Project + ".json"), project => project["outputs"]!["approval"] = approval);
        return folder;
    }

    private static async Task<ServiceFolder> SiteWithAPublishedRunAsync()
    {
        var folder = NewSite();
        await DeliverAsync(folder);
        var first = await LinkAsync(folder);
        var approve = await Support.Cli.RunAsync("approve", "--project", Project, "--run", first.Id, "--config", folder.ConfigDirectory);
        approve.AssertExitCode(0);
        return folder;
    }

    private static async Task DeliverAsync(ServiceFolder folder)
    {
        var extracts = Extracts.ForPeople(People);
        using var opened = new OpenedLedger(folder);
        await AcceptedDeliveries.RecordAsync(opened.Ledger, folder.Paths, "justice", extracts.JusticeCsv, CancellationToken.None);
        await AcceptedDeliveries.RecordAsync(opened.Ledger, folder.Paths, "welfare", extracts.WelfareCsv, CancellationToken.None);
    }

    private static async Task<LinkageRun> LinkAsync(ServiceFolder folder)
    {
        var link = await Support.Cli.RunAsync("link", "--project", Project, "--config", folder.ConfigDirectory);
        link.AssertExitCode(0);
        return await RunAsync(folder, link.Output.Split('\n')[0]["run ".Length..].Trim());
    }

    /// <summary>Starts the service; it takes the killed run over once its lease expires and resumes it. A run it holds for the custodian is approved.</summary>
    private static async Task RestartAndSettleAsync(ServiceFolder folder, string runId)
    {
        using var service = ServiceProcess.Start(folder);
        await Eventually.TrueAsync(async () => (await RunAsync(folder, runId)).State != RunState.Running, Timeout, "the restarted service resumes the run to its end");
        if ((await RunAsync(folder, runId)).State == RunState.Held)
        {
            (await Support.Cli.RunAsync("approve", "--project", Project, "--run", runId, "--config", folder.ConfigDirectory)).AssertExitCode(0);
        }

        Assert.Equal(0, await service.StopAsync(Timeout));
        Assert.Contains($"Run {runId} of project {Project} resumes from stage", folder.AllLogText(), StringComparison.Ordinal);
    }

    /// <summary>The run is published once, its export folder holds exactly its package with every digest right, nothing is left in staging, and the chain verifies.</summary>
    private static async Task AssertPublishedOnceWholeAsync(ServiceFolder folder, string runId, RunStage killedAt)
    {
        var run = await RunAsync(folder, runId);
        Assert.Equal((RunState.Completed, RunStage.Published), (run.State, run.Stage));
        using (var opened = new OpenedLedger(folder))
        {
            var actions = (await opened.Ledger.GetHistoryAsync(runId, CancellationToken.None)).Select(h => h.Action).ToList();
            Assert.Single(actions, "published");
            Assert.Contains("resumed", actions);
            Assert.Equal(killedAt.ToString().ToLowerInvariant(), actions[actions.IndexOf("resumed") - 1]);
        }

        await PublishedOutput.AssertWholeAsync(folder.Paths.ExportFolder(Project, runId), TestContext.Current.CancellationToken);
        Assert.DoesNotContain(Directory.GetDirectories(folder.Paths.PublishStagingRoot, "*", SearchOption.AllDirectories), d => Path.GetFileName(d) == runId);

        var status = await Support.Cli.RunAsync("status", "--config", folder.ConfigDirectory);
        status.AssertExitCode(0);
        Assert.Contains("Audit chain: intact", status.Output, StringComparison.Ordinal);
    }

    /// <summary>The last published run's person map, which the next run's anonymise reads, made a pipe; returns its path and bytes.</summary>
    private static async Task<(string Path, byte[] Saved)> PipeInPlaceOfThePersonMapAsync(ServiceFolder folder)
    {
        using var opened = new OpenedLedger(folder);
        var previous = (await opened.Ledger.GetLastPublishedRunAsync(Project, CancellationToken.None))!;
        var personMap = Path.Combine(previous.RunFolder, "persons.csv");
        var saved = await File.ReadAllBytesAsync(personMap, TestContext.Current.CancellationToken);
        File.Delete(personMap);
        await Fifo.MakeAsync(personMap);
        return (personMap, saved);
    }

    private static async Task RestoreAsync(string personMap, byte[] saved)
    {
        File.Delete(personMap);
        await File.WriteAllBytesAsync(personMap, saved, TestContext.Current.CancellationToken);
    }

    private static async Task<LinkageRun> RunningAsync(ServiceFolder folder)
    {
        using var opened = new OpenedLedger(folder);
        return Assert.Single(await opened.Ledger.GetRunsInStateAsync(RunState.Running, CancellationToken.None));
    }

    private static async Task<LinkageRun> RunAsync(ServiceFolder folder, string runId)
    {
        using var opened = new OpenedLedger(folder);
        return (await opened.Ledger.GetRunAsync(runId, CancellationToken.None))!;
    }

    private static async Task DropAsync(string inbox, string name, string content)
    {
        var temporary = Path.Combine(inbox, name + ".part");
        await File.WriteAllTextAsync(temporary, content, TestContext.Current.CancellationToken);
        File.Move(temporary, Path.Combine(inbox, name));
    }

    /// <summary>A byte search: the value's ASCII bytes anywhere in the file, in any letter case.</summary>
    private static bool ContainsIgnoringCase(byte[] haystack, string value)
    {
        var lower = Encoding.ASCII.GetBytes(value.ToLowerInvariant());
        var upper = Encoding.ASCII.GetBytes(value.ToUpperInvariant());
        for (var i = 0; i + lower.Length <= haystack.Length; i++)
        {
            var j = 0;
            while (j < lower.Length && (haystack[i + j] == lower[j] || haystack[i + j] == upper[j]))
            {
                j++;
            }

            if (j == lower.Length)
            {
                return true;
            }
        }

        return false;
    }
}
