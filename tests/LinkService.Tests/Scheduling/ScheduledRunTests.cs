using LinkService.Ledger;
using LinkService.Ledger.Runs;
using LinkService.Scheduling;
using LinkService.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LinkService.Tests.Scheduling;

/// <summary>
/// A fire of the default project's schedule (02:00 every day, read here in Europe/London) on the ledger's deliveries:
/// a run only when the project's <c>due</c> rule says so.
/// </summary>
public sealed class ScheduledRunTests : IDisposable
{
    private const string Project = "reoffending-benefits";
    private readonly ServiceFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
    private readonly OpenedLedger _ledger;
    private readonly BlockingLinkageRunner _linkage = new();
    private readonly CollectingLogger<ScheduledRun> _log = new();

    public ScheduledRunTests()
    {
        _ledger = new OpenedLedger(_folder, _time);
        _linkage.Finish();
        EditProject(project =>
        {
            project.AsObject().Remove("outputs");
            project["timeZone"] = "Europe/London";
        });
    }

    private ILedger Ledger => _ledger.Ledger;

    public void Dispose()
    {
        _ledger.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task RunIfDueAsync_InputsUnchangedSinceTheLastRun_StartsNoRunMakesNoFolderAndLogsWhyAndTheNextFire()
    {
        await DeliverAsync("justice", "welfare");
        Assert.True((await FireAsync()).Succeeded);
        _time.Advance(TimeSpan.FromMinutes(1));

        var outcome = await FireAsync();

        Assert.False(outcome.Succeeded);
        Assert.Single(await Ledger.GetRecentRunsAsync(Project, 10, CancellationToken.None));
        Assert.Single(Directory.GetDirectories(Path.Combine(_folder.Paths.RunsRoot, Project)));
        var line = Assert.Single(_log.Lines, l => l.EventId == 1300).Message;
        Assert.Contains("Project reoffending-benefits is not due, so no run was started: no source has a new accepted delivery since run", line, StringComparison.Ordinal);
        Assert.EndsWith("next fire at 2026-11-21 02:00:00 +00:00", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunIfDueAsync_OneSourceSentANewDelivery_RunsOnAnySourceNew()
    {
        await DeliverAsync("justice", "welfare");
        await FireAsync();
        _time.Advance(TimeSpan.FromDays(1));
        await DeliverAsync("welfare");

        var outcome = await FireAsync();

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(2, (await Ledger.GetRecentRunsAsync(Project, 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task RunIfDueAsync_OneSourceSentANewDeliveryAndDueAllSourcesNew_IsNotDueAndNamesTheOtherSource()
    {
        EditProject(project => project["due"] = "all-sources-new");
        await DeliverAsync("justice", "welfare");
        await FireAsync();
        _time.Advance(TimeSpan.FromDays(1));
        await DeliverAsync("welfare");

        var outcome = await FireAsync();

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("not due: source 'justice' has no new accepted delivery since run", outcome.Message, StringComparison.Ordinal);
        Assert.Single(await Ledger.GetRecentRunsAsync(Project, 10, CancellationToken.None));
    }

    [Fact]
    public async Task RunIfDueAsync_DueAlways_RunsAgainOnUnchangedInputs()
    {
        EditProject(project => project["due"] = "always");
        await DeliverAsync("justice", "welfare");
        await FireAsync();
        _time.Advance(TimeSpan.FromMinutes(1));

        var outcome = await FireAsync();

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(2, (await Ledger.GetRecentRunsAsync(Project, 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task RunIfDueAsync_LastRunFailedBeforeLinking_IsDueAgainOnTheSameInputs()
    {
        await DeliverAsync("justice", "welfare");
        var inputs = (await Ledger.GetRecentDeliveriesAsync(null, 10, CancellationToken.None)).Select(d => d.Id).ToList();
        await Ledger.StartRunAsync(new RunStart("failed", Project, "runs/failed", inputs, Owners.Service), CancellationToken.None);
        await Ledger.FailRunAsync("failed", "the disk filled", CancellationToken.None);

        var outcome = await FireAsync();

        Assert.True(outcome.Succeeded, outcome.Message);
    }

    private async Task<LinkService.Linking.ProjectRunOutcome> FireAsync()
    {
        var pipelines = new Pipelines(_folder, Ledger, _time, new FakeOutputs(), Owners.Service);
        using var slot = new LinkageSlot();
        var scheduled = new ScheduledRun(_folder.LoadCatalog(), new ScheduleGate(Ledger), pipelines.Runner(_linkage), slot, _time, _log);
        return await scheduled.RunIfDueAsync(Project, "test", CancellationToken.None);
    }

    private async Task DeliverAsync(params string[] sources)
    {
        foreach (var source in sources)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await AcceptedDeliveries.RecordAsync(Ledger, _folder.Paths, source, $"{source}_id\n{_time.GetUtcNow().Ticks}\n", CancellationToken.None);
        }
    }

    private void EditProject(Action<System.Text.Json.Nodes.JsonNode> edit) =>
        _folder.EditConfigJson(Path.Combine("projects", Project + ".json"), edit);
}
