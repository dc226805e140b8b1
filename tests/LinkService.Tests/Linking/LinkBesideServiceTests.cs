using System.Text.Json;
using LinkService.Ledger.Runs;
using LinkService.Tests.Support;
using LinkService.Deliveries.Store;

namespace LinkService.Tests.Linking;

/// <summary>
/// A <c>link</c> command and the service, as two real processes on one site. The link is held mid-run by a stored
/// delivery that is a named pipe: it reads nothing until the test writes the extract into the pipe (the run reads each
/// copy once, checking its digest as it reads), so the service can be restarted while the link's run is certainly under way.
/// </summary>
public sealed class LinkBesideServiceTests
{
    private const string Project = "reoffending-benefits";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Link_RunningWhileTheServiceRestarts_CompletesAndTheServiceRunsNothingOfTheProject()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Named pipes in the file system and kill(1) are POSIX; the lease is the same on Windows.
        }

        using var folder = new ServiceFolder();
        var extracts = Extracts.ForPeople(50);
        string welfare;
        using (var opened = new OpenedLedger(folder))
        {
            await AcceptedDeliveries.RecordAsync(opened.Ledger, folder.Paths, "justice", extracts.JusticeCsv, CancellationToken.None);
            var delivery = await AcceptedDeliveries.RecordAsync(opened.Ledger, folder.Paths, "welfare", extracts.WelfareCsv, CancellationToken.None, Fifo.MakeAsync);
            welfare = StoreFiles.Delivery(folder.Paths, delivery.Source, delivery.Id, delivery.OriginalName);
        }

        using var service = ServiceProcess.Start(folder);
        await Eventually.TrueAsync(() => service.Output.Contains("Audit chain intact", StringComparison.Ordinal), Timeout, "the service starts");
        using var link = ServiceProcess.Start(folder, "link", "--project", Project);
        await Eventually.TrueAsync(() => RunsAsync(folder).GetAwaiter().GetResult().Any(r => r.State == RunState.Running), Timeout, "the link starts its run");

        Assert.Equal(0, await service.StopAsync(Timeout));
        using var restarted = ServiceProcess.Start(folder);
        await Eventually.TrueAsync(
            () => restarted.Output.Contains("left to it", StringComparison.Ordinal) || restarted.Output.Contains("was abandoned", StringComparison.Ordinal),
            Timeout,
            "the restarted service's recovery looks at the link's run");

        var during = Assert.Single(await RunsAsync(folder));
        Assert.Equal((RunState.Running, link.Id), (during.State, during.Lease?.Owner.ProcessId));
        await ReleaseThePipeAsync(welfare, extracts.WelfareCsv);
        var linkExit = await link.ExitCodeAsync(Timeout);

        Assert.True(linkExit == 0, link.Output);
        var after = Assert.Single(await RunsAsync(folder));
        // The link carries its run on to the outputs, which the default project holds for the custodian.
        Assert.Equal((during.Id, RunState.Held), (after.Id, after.State));
        Assert.False(restarted.HasExited, restarted.Output);
        Assert.Equal(0, await restarted.StopAsync(Timeout));
        Assert.Single(await RunsAsync(folder));

        // Both processes wrote the same day's log and audit stream: neither overwrote the other's lines.
        var logs = Path.Combine(folder.Paths.WorkRoot, "logs");
        foreach (var line in Directory.GetFiles(logs, "audit-*.clef").SelectMany(File.ReadLines))
        {
            using var parsed = JsonDocument.Parse(line);
        }

        var log = string.Concat(Directory.GetFiles(logs, "linkservice-*.log").Select(File.ReadAllText));
        Assert.Contains($"Linkage run {after.Id} of project {Project} started", log, StringComparison.Ordinal);
        Assert.Contains($"Linkage run {after.Id} of project {Project} completed", log, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<LinkageRun>> RunsAsync(ServiceFolder folder)
    {
        using var opened = new OpenedLedger(folder);
        return await opened.Ledger.GetRecentRunsAsync(Project, 10, CancellationToken.None);
    }

    /// <summary>
    /// Writes the extract into the pipe, where the run is reading, and before closing it puts the same extract as a
    /// plain file in the pipe's place, so that anything opening the path after the run (status's store check) finds the file.
    /// </summary>
    private static async Task ReleaseThePipeAsync(string pipe, string content)
    {
        var plain = pipe + ".plain";
        await File.WriteAllTextAsync(plain, content, TestContext.Current.CancellationToken);
        await using var writer = new FileStream(pipe, FileMode.Open, FileAccess.Write);
        await writer.WriteAsync(System.Text.Encoding.UTF8.GetBytes(content), TestContext.Current.CancellationToken);
        await writer.FlushAsync(TestContext.Current.CancellationToken);
        File.Move(plain, pipe, overwrite: true);
    }
}
