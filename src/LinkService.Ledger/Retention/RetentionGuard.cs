using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Runs;

namespace LinkService.Ledger.Retention;

/// <summary>
/// The last word on a deletion, checked by every ledger provider inside the transaction that records it, so that a run
/// started or approved since retention looked cannot lose what it reads: a stored copy is deleted only once accepted and
/// input to no run still at work or held; a run's folder only once the run is finished; quarantine and receipts only once
/// their delivery is settled (its receipts no longer rewritten).
/// </summary>
public static class RetentionGuard
{
    /// <summary>Why <paramref name="item"/> may not be deleted now, or null. <paramref name="unfinishedRunsUsing"/>: the running or held runs that read the delivery.</summary>
    public static string? Problem(RetainedItem item, Delivery? delivery, LinkageRun? run, IReadOnlyList<LinkageRun> unfinishedRunsUsing)
    {
        if (RetainedItems.IsOfRun(item))
        {
            return run is null ? "the ledger has no such run"
                : IsUnfinished(run) ? $"run {run.Id} is {RunTransitions.Describe(run)}"
                : null;
        }

        if (delivery is null)
        {
            return "the ledger has no such delivery";
        }

        if (item == RetainedItem.StoreCopy)
        {
            if (delivery.State != DeliveryState.Accepted)
            {
                return $"delivery {delivery.Id} is {delivery.State.ToString().ToLowerInvariant()}, not accepted";
            }

            if (unfinishedRunsUsing.Count > 0 && unfinishedRunsUsing[0] is var user)
            {
                return $"run {user.Id} of project '{user.Project}' reads it and is {RunTransitions.Describe(user)}";
            }
        }

        return delivery.SettledAt is null ? $"delivery {delivery.Id} is still being handled" : null;
    }

    /// <summary>A run that may still read its inputs and folder: at work, or held for the custodian (approving it publishes from its folder).</summary>
    public static bool IsUnfinished(LinkageRun run) => run.State is RunState.Running or RunState.Held;
}
