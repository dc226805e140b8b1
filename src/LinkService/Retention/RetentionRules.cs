using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Retention;
using LinkService.Ledger.Runs;

namespace LinkService.Retention;

/// <summary>
/// When the stored copy of an accepted delivery is still needed past its period. A run takes each source's current
/// (latest accepted) delivery, so a project is done with a delivery once it has completed a run on it or on a later
/// delivery of the source: it will never take that one again. Needed, then, while:
/// <list type="bullet">
/// <item>a run still at work or held for approval reads it (its later stages read the rows again);</item>
/// <item>it is the source's current delivery and a project links the source (the next run takes it);</item>
/// <item>a project that links the source has not completed a run on it or on a later delivery.</item>
/// </list>
/// A source no project links is needed by none. Reasons name runs, projects and sources, never a value.
/// </summary>
internal static class RetentionRules
{
    public static string? StoreCopyNeeded(
        Delivery delivery, IReadOnlyList<string> projectsLinking, Delivery? current, IReadOnlyList<LinkageRun> runs, IReadOnlyDictionary<string, Delivery> deliveries)
    {
        if (runs.FirstOrDefault(r => RetentionGuard.IsUnfinished(r) && r.DeliveryIds.Contains(delivery.Id)) is { } reading)
        {
            return $"run {reading.Id} of project '{reading.Project}' reads it and is {RunTransitions.Describe(reading)}";
        }

        if (projectsLinking.Count > 0 && current?.Id == delivery.Id)
        {
            return $"it is the source's current delivery, which the next run of {Names(projectsLinking)} takes";
        }

        var behind = projectsLinking.Where(project => !runs.Any(run => run.Project == project && run.State == RunState.Completed && LinkedItOrLater(run, delivery, deliveries))).ToList();
        return behind.Count == 0 ? null : $"{Names(behind)} {(behind.Count == 1 ? "has" : "have")} not linked it, nor a later delivery of the source, in a completed run";
    }

    /// <summary>The order runs choose deliveries in (<c>received_at, id</c>): later is greater.</summary>
    public static int Order(Delivery a, Delivery b) =>
        a.ReceivedAt != b.ReceivedAt ? a.ReceivedAt.CompareTo(b.ReceivedAt) : string.CompareOrdinal(a.Id, b.Id);

    private static bool LinkedItOrLater(LinkageRun run, Delivery delivery, IReadOnlyDictionary<string, Delivery> deliveries) =>
        run.DeliveryIds.Any(id => deliveries.TryGetValue(id, out var input) && input.Source == delivery.Source && Order(input, delivery) >= 0);

    private static string Names(IEnumerable<string> projects) =>
        string.Join(", ", projects.Select(p => $"project '{p}'"));
}
