using LinkService.Configuration;
using LinkService.Configuration.Retention;
using LinkService.Ledger;
using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Retention;
using LinkService.Ledger.Runs;
using Microsoft.Extensions.Options;

namespace LinkService.Retention;

/// <summary>
/// What retention would delete now, and what it keeps past its period and why: each configured source's stored copies,
/// quarantined files and receipts (counted from the delivery's arrival), and finished runs' folders (counted from the
/// run's end; never a run's still at work or held, nor each project's last completed and last published run's). Reads only; <see cref="RetentionSweep"/> acts on it. An item whose deletion the ledger holds but whose
/// files are still there (a stop between the two) is due again, to finish.
/// </summary>
internal sealed class RetentionPlanner(ConfigCatalog catalog, ILedger ledger, RetainedPaths paths, IOptions<RetentionOptions> options, TimeProvider timeProvider)
{
    public async Task<RetentionPlan> PlanAsync(CancellationToken cancellationToken)
    {
        var deliveries = await ledger.GetRecentDeliveriesAsync(null, int.MaxValue, cancellationToken);
        var runs = await ledger.GetRecentRunsAsync(null, int.MaxValue, cancellationToken);
        var deleted = (await ledger.GetDeletionsAsync(cancellationToken)).Select(d => (d.Item, d.EntityId)).ToHashSet();
        var plan = new Planning(timeProvider.GetUtcNow(), deleted);
        var byId = deliveries.ToDictionary(d => d.Id, StringComparer.Ordinal);

        foreach (var source in catalog.Sources.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var retention = source.Retention;
            var owner = $"source '{source.Name}'";
            var ofSource = deliveries.Where(d => d.Source == source.Name).OrderBy(d => d, Comparer<Delivery>.Create(RetentionRules.Order)).ToList();
            var linking = catalog.Projects.Values.Where(p => p.Sources.Contains(source.Name)).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
            var current = ofSource.LastOrDefault(d => d.State == DeliveryState.Accepted && !deleted.Contains((RetainedItem.StoreCopy, d.Id)));
            var quarantined = paths.QuarantineListing(source.Name);
            foreach (var delivery in ofSource)
            {
                var settled = () => delivery.SettledAt is null ? "it is still being handled" : null;
                if (delivery.State == DeliveryState.Accepted)
                {
                    // A copy missing from the store is recorded too: else the store check would report it for ever.
                    plan.Consider(
                        RetainedItem.StoreCopy, delivery.Id, owner, retention?.RawExtractsPeriod, delivery.ReceivedAt, () => paths.StoreCopy(delivery),
                        () => RetentionRules.StoreCopyNeeded(delivery, linking, current, runs, byId), recordWhenAbsent: true);
                }

                plan.Consider(
                    RetainedItem.Quarantine, delivery.Id, owner, retention?.QuarantinePeriod, delivery.ReceivedAt, () => RetainedPaths.Quarantine(quarantined, delivery), settled, recordWhenAbsent: false);
                plan.Consider(
                    RetainedItem.Receipts, delivery.Id, owner, retention?.ReceiptsPeriod, delivery.ReceivedAt, () => paths.Receipts(delivery), settled, recordWhenAbsent: false);
            }
        }

        var lastPublished = LastOfEachProject(runs.Where(r => r.Stage == RunStage.Published));
        var lastCompleted = LastOfEachProject(runs.Where(r => r.State == RunState.Completed));
        foreach (var run in runs.OrderBy(r => r.StartedAt).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            plan.Consider(
                RetainedItem.RunFolder, run.Id, $"project '{run.Project}'", options.Value.RunFoldersPeriod, run.FinishedAt ?? run.StartedAt, () => paths.RunFolder(run),
                () => RetentionGuard.IsUnfinished(run) ? $"the run is {RunTransitions.Describe(run)}"
                    : lastPublished.Contains(run.Id) ? "it is the project's last published run, whose person pseudonyms the next run carries forward"
                    : lastCompleted.Contains(run.Id) ? "it is the project's last completed run, whose linkage map is the project's current one"
                    : null,
                recordWhenAbsent: false);
        }

        return new RetentionPlan(plan.Due, plan.Kept);
    }

    /// <summary>The newest of each project's runs among <paramref name="runs"/>, in the order the ledger finds a last published run.</summary>
    private static HashSet<string> LastOfEachProject(IEnumerable<LinkageRun> runs) =>
        runs.GroupBy(r => r.Project, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(r => r.FinishedAt).ThenByDescending(r => r.Id, StringComparer.Ordinal).First().Id)
            .ToHashSet(StringComparer.Ordinal);

    private sealed class Planning(DateTimeOffset now, HashSet<(RetainedItem, string)> deleted)
    {
        public List<RetentionTarget> Due { get; } = [];

        public List<RetentionKept> Kept { get; } = [];

        public void Consider(
            RetainedItem item, string entityId, string owner, RetentionPeriod? period, DateTimeOffset from, Func<IReadOnlyList<string>> files, Func<string?> needed, bool recordWhenAbsent)
        {
            var periodText = period?.ToString() ?? "";
            if (deleted.Contains((item, entityId)))
            {
                if (files() is { Count: > 0 } left)
                {
                    Due.Add(new RetentionTarget(item, entityId, owner, periodText, left, Recorded: true));
                }

                return;
            }

            if (period is null || now <= period.EndsAfter(from))
            {
                return;
            }

            if (needed() is { } reason)
            {
                Kept.Add(new RetentionKept(item, entityId, owner, reason));
                return;
            }

            var existing = files();
            if (existing.Count > 0 || recordWhenAbsent)
            {
                Due.Add(new RetentionTarget(item, entityId, owner, periodText, existing, Recorded: false));
            }
        }
    }
}
