using LinkService.Audit;
using LinkService.Hosting;
using LinkService.Ledger;
using LinkService.Ledger.Retention;
using Microsoft.Extensions.Logging;

namespace LinkService.Retention;

/// <summary>
/// Deletes what <see cref="RetentionPlanner"/> finds due, each item recorded in the ledger's audit chain before its files
/// go, so a stop at any moment leaves nothing that a check would call missing or altered:
/// <list type="bullet">
/// <item>stopped before the record: nothing happened; the next pass does it all;</item>
/// <item>stopped after the record, before or during the deletion: the ledger says deleted, so no check expects the files;
/// the next pass finds them still there and finishes (no second audit row);</item>
/// <item>files gone without a record (removed by hand): the next pass records the stored copy as already absent, so the
/// store check stops reporting it, and the audit chain says it was not retention that removed it.</item>
/// </list>
/// The ledger refuses a record when a run started or was approved since the plan was made (<see cref="RetentionGuard"/>):
/// the item is kept. Nothing is deleted on a ledger that fails its check, since its states decide what may go.
/// </summary>
internal sealed class RetentionSweep(RetentionPlanner planner, ILedger ledger, LedgerIntegrity integrity, IFileEraser eraser, ILogger<RetentionSweep> logger)
{
    public async Task<RetentionReport> RunAsync(CancellationToken cancellationToken)
    {
        var check = await integrity.CheckAsync(cancellationToken);
        if (!check.IsIntact)
        {
            Log.LedgerUntrusted(logger, check.Problem!);
            return RetentionReport.NotRun($"the ledger fails its check: {check.Problem}");
        }

        var plan = await planner.PlanAsync(cancellationToken);
        var kept = plan.Kept.ToList();
        var deleted = new List<RetentionTarget>();
        var failed = new List<RetentionTarget>();
        foreach (var target in plan.Due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!target.Recorded)
            {
                var result = await ledger.RecordDeletionAsync(new RetentionDeletion(target.Item, target.EntityId, target.Period, AlreadyAbsent: target.Paths.Count == 0), cancellationToken);
                if (result.Refusal is { } refusal)
                {
                    kept.Add(new RetentionKept(target.Item, target.EntityId, target.Owner, refusal));
                    continue;
                }

                if (target.Paths.Count == 0)
                {
                    Log.RecordedAbsent(logger, target.ItemName, target.EntityId, target.Owner);
                    deleted.Add(target);
                    continue;
                }
            }

            try
            {
                eraser.Erase(target.Paths);
                deleted.Add(target);
                if (target.Recorded)
                {
                    Log.DeletionFinished(logger, target.ItemName, target.EntityId, target.Owner);
                }
                else
                {
                    Log.Deleted(logger, target.ItemName, target.EntityId, target.Owner, target.Period);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failed.Add(target);
                Log.DeletionFailed(logger, target.ItemName, target.EntityId, target.Owner, SafeReason.Of(ex));
            }
        }

        foreach (var item in kept)
        {
            Log.Kept(logger, item.ItemName, item.EntityId, item.Owner, item.Reason);
        }

        Log.SweepDone(logger, deleted.Count, kept.Count, failed.Count);
        return new RetentionReport(deleted, kept, failed, null);
    }
}
