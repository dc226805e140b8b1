using LinkService.Configuration.Projects;
using LinkService.Configuration.Projects.Scheduling;
using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Runs;

namespace LinkService.Scheduling;

/// <summary>
/// The project's <c>due</c> rule over what the ledger says: a source's delivery is new when the project's last linked
/// run did not take it. Runs that failed before linking do not count, so their inputs are still new and a later fire
/// tries again; a run whose outputs were rejected does count (the same inputs would give the same outputs).
/// </summary>
internal static class DueRules
{
    /// <param name="latest">Each source's latest accepted delivery, or null when it has none.</param>
    /// <param name="lastLinked">The project's latest run that linked, or null before its first.</param>
    public static DueVerdict Judge(ProjectDefinition project, IReadOnlyDictionary<string, Delivery?> latest, LinkageRun? lastLinked)
    {
        var none = project.Sources.Where(s => latest[s] is null).ToList();
        if (none.Count > 0)
        {
            return DueVerdict.NotDue($"{Names(none)} {(none.Count == 1 ? "has" : "have")} no accepted delivery yet");
        }

        if (project.Due == DueRule.Always)
        {
            return DueVerdict.Due("due: always");
        }

        if (lastLinked is null)
        {
            return DueVerdict.Due("the project has not linked yet");
        }

        var unchanged = project.Sources.Where(s => lastLinked.DeliveryIds.Contains(latest[s]!.Id, StringComparer.Ordinal)).ToList();
        var fresh = project.Sources.Except(unchanged, StringComparer.Ordinal).ToList();
        var since = $"since run {lastLinked.Id}";
        return project.Due switch
        {
            DueRule.AllSourcesNew when unchanged.Count > 0 => DueVerdict.NotDue($"{Names(unchanged)} {(unchanged.Count == 1 ? "has" : "have")} no new accepted delivery {since} (due: all-sources-new)"),
            DueRule.AnySourceNew when fresh.Count == 0 => DueVerdict.NotDue($"no source has a new accepted delivery {since} (due: any-source-new)"),
            _ => DueVerdict.Due($"{Names(fresh)} {(fresh.Count == 1 ? "has" : "have")} a new accepted delivery {since}"),
        };
    }

    /// <summary>Whether a run linked: its linkage map was written, whatever became of its outputs since.</summary>
    public static bool Linked(LinkageRun run) => run.State != RunState.Failed && run.Stage != RunStage.Linking;

    private static string Names(List<string> sources) => (sources.Count == 1 ? "source " : "sources ") + string.Join(", ", sources.Select(s => $"'{s}'"));
}
