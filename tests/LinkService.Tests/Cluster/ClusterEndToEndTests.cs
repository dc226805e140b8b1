using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LinkService.Deliveries.Store;
using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Runs;
using LinkService.Testing;
using LinkService.Tests.Support;

namespace LinkService.Tests.Cluster;

/// <summary>
/// Cluster mode end to end: two service processes ("nodes") on one real PostgreSQL (ledger and Quartz's clustered store
/// in one database) and one set of shared folders. Runs are held where the test wants them by a stored delivery made a
/// named pipe, so the node running the job is certainly mid-run when it is killed (SIGKILL).
/// </summary>
public sealed partial class ClusterEndToEndTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private const string Project = "reoffending-benefits";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task TwoNodes_EachDeliveryTakenOnceEachScheduledFiringRunOnceAndAKilledNodesRunFinishedByTheOther()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Named pipes in the file system and SIGKILL are POSIX; the cluster is the same on Windows.
        }

        var cancellationToken = TestContext.Current.CancellationToken;
        var database = await server.CreateDatabaseAsync(cancellationToken);
        using var folder = ClusterSite(database);
        var extracts = Extracts.ForPeople(30);

        using var a = await NodeAsync(folder, "node-a");
        using var b = await NodeAsync(folder, "node-b");

        // Both nodes scan the same inboxes every 200 ms: each file is taken by one.
        await DropAsync(folder.InboxFolder("justice"), "offenders_20261101.csv", extracts.JusticeCsv);
        await DropAsync(folder.InboxFolder("welfare"), "claims_20261101.csv", extracts.WelfareCsv);
        await Eventually.TrueAsync(
            () => FinalOutcomes(folder, "justice").Count > 0 && FinalOutcomes(folder, "welfare").Count > 0, Timeout, "both deliveries are settled");
        var deliveries = await DeliveriesAsync(folder, database);
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(DeliveryState.Accepted, d.State));
        Assert.Equal(["accepted"], FinalOutcomes(folder, "justice"));
        Assert.Equal(["accepted"], FinalOutcomes(folder, "welfare"));

        // The schedule fires every 10 seconds; each firing runs on one node.
        await Eventually.TrueAsync(async () => (await RunsAsync(folder, database)).Count(r => r.State == RunState.Held) >= 2, Timeout, "two scheduled runs");

        // The next run blocks reading the welfare extract; the node running it is killed there.
        var welfare = deliveries.Single(d => d.Source == "welfare");
        var stored = StoreFiles.Delivery(folder.Paths, welfare.Source, welfare.Id, welfare.OriginalName);
        var bytes = await File.ReadAllBytesAsync(stored, cancellationToken);
        File.Delete(stored);
        await Fifo.MakeAsync(stored);
        LinkageRun killed;
        ServiceProcess survivor;
        await using (await Fifo.WaitForReaderAsync(stored, Timeout))
        {
            killed = Assert.Single(await RunsAsync(folder, database), r => r.State == RunState.Running);
            var (victim, other) = killed.Lease!.Owner.ProcessId == a.Id ? (a, b) : (b, a);
            Assert.Equal(victim.Id, killed.Lease.Owner.ProcessId);
            survivor = other;
            await victim.KillAsync();
        }

        File.Delete(stored);
        await File.WriteAllBytesAsync(stored, bytes, cancellationToken);
        await Eventually.TrueAsync(
            async () => (await RunsAsync(folder, database)).Any(r => r.StartedAt > killed.StartedAt && r.State == RunState.Held),
            Timeout,
            "the surviving node finishes the project's run");

        var runs = await RunsAsync(folder, database);
        Assert.Equal(RunState.Failed, runs.Single(r => r.Id == killed.Id).State);
        var finished = runs.Where(r => r.StartedAt > killed.StartedAt && r.State == RunState.Held).ToList();
        Assert.Contains(finished, r => survivor.Output.Contains($"Linkage run {r.Id} of project {Project} started", StringComparison.Ordinal));
        Assert.Equal(0, await survivor.StopAsync(Timeout));

        // Every firing of the schedule ran once, whichever node ran it.
        var firings = ScheduledFirings(a.Output + b.Output);
        Assert.True(firings.Count >= 3, a.Output + b.Output);
        Assert.Equal(firings.Distinct(StringComparer.Ordinal).Count(), firings.Count);

        var status = await Support.Cli.RunAsync("status", "--config", folder.ConfigDirectory);
        status.AssertExitCode(0);
        Assert.Contains("Audit chain: intact", status.Output, StringComparison.Ordinal);
    }

    /// <summary>A site in cluster mode on <paramref name="database"/>: fast intake, short leases and check-ins, the project scheduled every 10 seconds.</summary>
    private static ServiceFolder ClusterSite(string database)
    {
        var folder = new ServiceFolder();
        folder.UseFastIntake();
        folder.EditAppSettings(settings =>
        {
            var service = settings["LinkService"]!;
            service["Ledger"] = new JsonObject { ["Provider"] = "postgresql", ["ConnectionString"] = database };
            service["Runs"] = new JsonObject { ["LeaseDuration"] = "00:00:06", ["LeaseRenewEvery"] = "00:00:02" };
            service["Cluster"] = new JsonObject { ["CheckinInterval"] = "00:00:02" };
        });
        folder.EditConfigJson(Path.Combine("projects", Project + ".json"), project => project["schedule"] = "0/10 * * * * ?");
        return folder;
    }

    /// <summary>A node named <paramref name="name"/>, once it has started (its audit check done).</summary>
    private static async Task<ServiceProcess> NodeAsync(ServiceFolder folder, string name)
    {
        var node = ServiceProcess.Start(folder, new Dictionary<string, string> { ["LINKSERVICE_LinkService__Cluster__NodeName"] = name }, "run");
        await Eventually.TrueAsync(() => node.HasExited || node.Output.Contains("Audit chain intact", StringComparison.Ordinal), Timeout, name + " starts");
        Assert.False(node.HasExited, node.Output);
        return node;
    }

    private static async Task DropAsync(string inbox, string name, string content)
    {
        var temporary = Path.Combine(inbox, name + ".part");
        await File.WriteAllTextAsync(temporary, content, TestContext.Current.CancellationToken);
        File.Move(temporary, Path.Combine(inbox, name));
    }

    private static List<string?> FinalOutcomes(ServiceFolder folder, string source)
    {
        var outbox = folder.OutboxFolder(source);
        return (Directory.Exists(outbox) ? Directory.GetFiles(outbox, "*.receipt.json") : [])
            .Select(f => JsonNode.Parse(File.ReadAllText(f))?["outcome"]?.GetValue<string>())
            .Where(o => o is not "received")
            .ToList();
    }

    /// <summary>The fire time of each firing of the schedule that a node ran, as the nodes logged them.</summary>
    private static List<string> ScheduledFirings(string output) =>
        [.. ScheduledRun().Matches(output).Select(m => m.Groups["due"].Value)];

    private static async Task<IReadOnlyList<Delivery>> DeliveriesAsync(ServiceFolder folder, string database)
    {
        using var opened = new OpenedLedger(folder, postgres: database);
        return await opened.Ledger.GetRecentDeliveriesAsync(null, 100, CancellationToken.None);
    }

    private static async Task<IReadOnlyList<LinkageRun>> RunsAsync(ServiceFolder folder, string database)
    {
        using var opened = new OpenedLedger(folder, postgres: database);
        return await opened.Ledger.GetRecentRunsAsync(Project, 1000, CancellationToken.None);
    }

    [GeneratedRegex(@"Linkage job of project reoffending-benefits fired here by trigger link-reoffending-benefits-schedule, due (?<due>\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex ScheduledRun();
}
