using System.Text.Json.Nodes;

namespace LinkService.Tests.Support.Crash;

/// <summary>
/// A site set up to be killed often and to recover fast: three departments (justice and welfare, linked by the default
/// project; courts, linked by none), intake's short timings, two-second run leases (the shortest allowed), and the project scheduled
/// every second (a run begins as soon as the last ends), its outputs approved automatically (its tables coarse enough that every disclosure check passes) and
/// published. Its nodes are the service processes that share it: one on SQLite, or several in cluster mode on one
/// PostgreSQL database and the same folders; the scenario is the same.
/// </summary>
internal sealed class CrashSite : IDisposable
{
    public const string Project = "reoffending-benefits";
    public const string EverySecond = "* * * * * ?";

    /// <summary>
    /// A schedule that fires no more during a test: once a year, at midnight on 1 January (a schedule that never fires is
    /// refused; a cluster's stored trigger is replaced, never dropped, when a schedule is removed).
    /// </summary>
    public const string Yearly = "0 0 0 1 1 ?";

    private readonly ServiceFolder _folder = new();
    private readonly string? _postgres;

    /// <summary>A single node on SQLite.</summary>
    public CrashSite()
        : this(null, 1)
    {
    }

    /// <summary>
    /// <paramref name="nodes"/> nodes in cluster mode, the ledger and Quartz's clustered store in the PostgreSQL database
    /// <paramref name="postgres"/>, each node checking in every second.
    /// </summary>
    public CrashSite(string? postgres, int nodes)
    {
        _postgres = postgres;
        Nodes = nodes;
        _folder.UseFastIntake();
        _folder.EditAppSettings(settings =>
        {
            var service = settings["LinkService"]!;
            service["Runs"] = new JsonObject { ["LeaseDuration"] = "00:00:02", ["LeaseRenewEvery"] = "00:00:00.500" };
            if (postgres is not null)
            {
                service["Ledger"] = new JsonObject { ["Provider"] = "postgresql", ["ConnectionString"] = postgres };
                service["Cluster"] = new JsonObject { ["CheckinInterval"] = "00:00:01" };
            }
        });
        var courts = JsonNode.Parse(File.ReadAllText(Path.Combine(_folder.ConfigDirectory, "sources", "justice.json")))!;
        courts["description"] = "Courts service: hearings extract, linked by no project yet.";
        courts["filePattern"] = "hearings_*.csv";
        _folder.WriteConfigFile(Path.Combine("sources", DepartmentFiles.Courts + ".json"), courts.ToJsonString());
        EditProject(project =>
        {
            project["schedule"] = EverySecond;
            project["outputs"]!["approval"] = "automatic";
            project["linkage"]!["training"]!["randomPairs"] = 5_000;
            project["linkage"]!["training"]!["maxIterations"] = 20;

            // The offence-by-sentence table is too fine-grained for a few hundred people: its check asks for a review.
            var tables = project["outputs"]!["tables"]!.AsArray();
            tables.Remove(tables.Single(t => t!["name"]!.GetValue<string>() == "sentences_by_offence"));
        });
    }

    /// <summary>The folder every node works in; one node's configuration.</summary>
    public ServiceFolder Folder => _folder;

    public int Nodes { get; }

    public IReadOnlyList<string> Sources { get; } = ["justice", "welfare", DepartmentFiles.Courts];

    /// <summary>The site's ledger, as the service opens it.</summary>
    public OpenedLedger OpenLedger() => new(_folder, postgres: _postgres);

    /// <summary>Starts node <paramref name="node"/>: in a cluster, under a name of its own (its lock in the shared work folder).</summary>
    public ServiceProcess Start(int node)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(node, Nodes);
        return _postgres is null
            ? ServiceProcess.Start(_folder)
            : ServiceProcess.Start(_folder, new Dictionary<string, string> { ["LINKSERVICE_LinkService__Cluster__NodeName"] = $"node-{node}" }, "run");
    }

    /// <summary>Sets the project's schedule, as read at the next start.</summary>
    public void Schedule(string cron) => EditProject(project => project["schedule"] = cron);

    public void Dispose() => _folder.Dispose();

    private void EditProject(Action<JsonNode> edit) => _folder.EditConfigJson(Path.Combine("projects", Project + ".json"), edit);
}
