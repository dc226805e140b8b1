using System.Text.Json.Nodes;
using LinkService.Audit;
using LinkService.Configuration.Folders;
using LinkService.Ledger;
using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Runs;
using LinkService.Retention;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LinkService.Tests.Support;

/// <summary>
/// A site for retention's tests: the default configuration in a temp folder, its real SQLite ledger on a fake clock, and
/// the retention pass wired as the host wires it, with the eraser of the test's choice. Runs are recorded straight in the
/// ledger (what retention reads), their folders made with a file in them.
/// </summary>
internal sealed class RetentionSite : IDisposable
{
    public const string Project = "reoffending-benefits";

    private readonly OpenedLedger _ledger;

    public RetentionSite()
    {
        _ledger = new OpenedLedger(Folder, Time);
    }

    public ServiceFolder Folder { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));

    public ILedger Ledger => _ledger.Ledger;

    public ServicePaths Paths => Folder.Paths;

    public CollectingLogger<RetentionSweep> Log { get; } = new();

    /// <summary>Sets a source's <c>retention</c> in its configuration file.</summary>
    public void SourceRetention(string source, string json) =>
        Folder.EditConfigJson(Path.Combine("sources", source + ".json"), node => node["retention"] = JsonNode.Parse(json));

    /// <summary>A second project linking the same two sources as the default one.</summary>
    public void AddProject(string name) =>
        File.Copy(Path.Combine(Folder.ConfigDirectory, "projects", Project + ".json"), Path.Combine(Folder.ConfigDirectory, "projects", name + ".json"));

    public Task<Delivery> AcceptedAsync(string source) =>
        AcceptedDeliveries.RecordAsync(Ledger, Paths, source, "id,name\n1,x\n", TestContext.Current.CancellationToken);

    public async Task<LinkageRun> CompletedRunAsync(string runId, string project, params Delivery[] inputs)
    {
        await StartAsync(runId, project, inputs);
        return await Ledger.CompleteRunAsync(runId, new Dictionary<string, long>(), CancellationToken.None);
    }

    public async Task<LinkageRun> HeldRunAsync(string runId, string project, params Delivery[] inputs)
    {
        await StartAsync(runId, project, inputs);
        await Ledger.RecordLinkedAsync(runId, Owners.Service, new Dictionary<string, long>(), CancellationToken.None);
        await Ledger.RecordAnonymisedAsync(runId, Owners.Service, CancellationToken.None);
        await Ledger.RecordCheckedAsync(runId, Owners.Service, new RunCheck("review", 1), CancellationToken.None);
        return await Ledger.HoldRunAsync(runId, Owners.Service, CancellationToken.None);
    }

    public RetentionSweep Sweep(IFileEraser? eraser = null, string? runFolders = null) =>
        new(Planner(runFolders), Ledger, new LedgerIntegrity(Ledger, Paths), eraser ?? new FileEraser(), Log);

    public RetentionPlanner Planner(string? runFolders = null) =>
        new(Folder.LoadCatalog(), Ledger, new RetainedPaths(Paths), Options.Create(new RetentionOptions { RunFolders = runFolders }), Time);

    public StoreIntegrity Store() => new(Ledger, Paths);

    public void Dispose()
    {
        _ledger.Dispose();
        Folder.Dispose();
    }

    private async Task StartAsync(string runId, string project, Delivery[] inputs)
    {
        var folder = Paths.RunFolder(project, runId);
        await Ledger.StartRunAsync(new RunStart(runId, project, folder, [.. inputs.Select(d => d.Id)], Owners.Service), CancellationToken.None);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "links.csv"), "source,record_id,entity_id\n", CancellationToken.None);
    }
}
