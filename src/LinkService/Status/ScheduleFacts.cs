using LinkService.Configuration;
using LinkService.Configuration.Projects.Scheduling;
using LinkService.Ledger;
using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Runs;
using LinkService.Scheduling;

namespace LinkService.Status;

/// <summary>A source's current delivery (its latest accepted one: the next run's input) and its deliveries held for the custodian.</summary>
internal sealed record SourceFacts(string Source, Delivery? Current, IReadOnlyList<Delivery> Held);

/// <summary>A project's last runs, its next fire (in its time zone; null when run only on demand) and whether a fire now would run.</summary>
internal sealed record ProjectFacts(string Project, IReadOnlyList<LinkageRun> LastRuns, DateTimeOffset? NextFire, string? TimeZone, DueVerdict Due);

/// <summary>Gathers <see cref="SourceFacts"/> and <see cref="ProjectFacts"/> for <c>status</c>.</summary>
internal static class ScheduleFacts
{
    /// <summary>How many runs status lists per project, and how far back it looks for held deliveries per source.</summary>
    public const int RunsPerProject = 3;

    private const int DeliveriesLookedAt = 200;

    public static async Task<IReadOnlyList<SourceFacts>> SourcesAsync(ConfigCatalog catalog, ILedger ledger, CancellationToken cancellationToken)
    {
        var facts = new List<SourceFacts>();
        foreach (var source in catalog.Sources.Keys.Order(StringComparer.Ordinal))
        {
            var accepted = await ledger.GetAcceptedDeliveriesAsync(source, 1, cancellationToken);
            var recent = await ledger.GetRecentDeliveriesAsync(source, DeliveriesLookedAt, cancellationToken);
            facts.Add(new SourceFacts(source, accepted.Count > 0 ? accepted[0] : null, [.. recent.Where(d => d.State == DeliveryState.Held).Reverse()]));
        }

        return facts;
    }

    public static async Task<IReadOnlyList<ProjectFacts>> ProjectsAsync(ConfigCatalog catalog, ILedger ledger, ScheduleGate gate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var facts = new List<ProjectFacts>();
        foreach (var project in catalog.Projects.Values.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var schedule = ProjectSchedule.Of(project);
            var next = schedule?.NextFireAfter(now) is { } at ? schedule.InZone(at) : (DateTimeOffset?)null;
            var runs = await ledger.GetRecentRunsAsync(project.Name, RunsPerProject, cancellationToken);
            facts.Add(new ProjectFacts(project.Name, runs, next, schedule?.Zone.Id, await gate.JudgeAsync(project, cancellationToken)));
        }

        return facts;
    }
}
