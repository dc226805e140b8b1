using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Runs;

namespace LinkService.Ledger.Status;

/// <summary>What the <c>status</c> command shows: deliveries by state, the most recent runs, and every run held for approval, oldest first.</summary>
public sealed record LedgerStatus(IReadOnlyList<SourceStateCount> Deliveries, IReadOnlyList<LinkageRun> RecentRuns, IReadOnlyList<LinkageRun> AwaitingApproval);

public sealed record SourceStateCount(string Source, DeliveryState State, long Count);
