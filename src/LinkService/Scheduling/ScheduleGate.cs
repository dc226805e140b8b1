using LinkService.Configuration.Projects;
using LinkService.Ledger;
using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Runs;

namespace LinkService.Scheduling;

/// <summary>Reads from the ledger what <see cref="DueRules"/> needs: each source's latest accepted delivery and the project's last linked run.</summary>
internal sealed class ScheduleGate(ILedger ledger)
{
    /// <summary>How far back the last linked run is looked for: past this many failures in a row, the project counts as never linked.</summary>
    private const int RunsLookedAt = 200;

    public async Task<DueVerdict> JudgeAsync(ProjectDefinition project, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, Delivery?>(StringComparer.Ordinal);
        foreach (var source in project.Sources)
        {
            var accepted = await ledger.GetAcceptedDeliveriesAsync(source, 1, cancellationToken);
            latest[source] = accepted.Count > 0 ? accepted[0] : null;
        }

        return DueRules.Judge(project, latest, await LastLinkedAsync(project.Name, cancellationToken));
    }

    public async Task<LinkageRun?> LastLinkedAsync(string project, CancellationToken cancellationToken) =>
        (await ledger.GetRecentRunsAsync(project, RunsLookedAt, cancellationToken)).FirstOrDefault(DueRules.Linked);
}
