using System.Text.Json.Nodes;

namespace LinkService.Tests.Support.Crash;

/// <summary>
/// A site set up to be killed often and to recover fast: three departments (justice and welfare, linked by the default
/// project; courts, linked by none), intake's short timings, two-second run leases (the shortest allowed), and the project scheduled
/// every second (a run begins as soon as the last ends), its outputs approved automatically (its tables coarse enough that every disclosure check passes) and
/// published. Its nodes are the service processes that share it: one here, on SQLite. A two-node site on PostgreSQL
/// gives each node a configuration of its own over the same database and folders; the scenario is the same.
/// </summary>
internal sealed class CrashSite : IDisposable
{
    public const string Project = "reoffending-benefits";
    public const string EverySecond = "* * * * * ?";

    private readonly ServiceFolder _folder = new();

    public CrashSite()
    {
        _folder.UseFastIntake();
        _folder.EditAppSettings(settings => settings["LinkService"]!["Runs"] = new JsonObject { ["LeaseDuration"] = "00:00:02", ["LeaseRenewEvery"] = "00:00:00.500" });
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

    public int Nodes { get; } = 1;

    public IReadOnlyList<string> Sources { get; } = ["justice", "welfare", DepartmentFiles.Courts];

    /// <summary>The site's ledger, as the service opens it.</summary>
    public OpenedLedger OpenLedger() => new(_folder);

    public ServiceProcess Start(int node) => node == 0 ? ServiceProcess.Start(_folder) : throw new ArgumentOutOfRangeException(nameof(node));

    /// <summary>Sets the project's schedule (none: only runs already begun go on), as read at the next start.</summary>
    public void Schedule(string? cron) => EditProject(project =>
    {
        if (cron is null)
        {
            project.AsObject().Remove("schedule");
        }
        else
        {
            project["schedule"] = cron;
        }
    });

    public void Dispose() => _folder.Dispose();

    private void EditProject(Action<JsonNode> edit) => _folder.EditConfigJson(Path.Combine("projects", Project + ".json"), edit);
}
