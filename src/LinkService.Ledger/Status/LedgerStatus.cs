using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Runs;

namespace LinkService.Ledger.Status;

/// <summary>What the <c>status</c> command shows.</summary>
public sealed record LedgerStatus(IReadOnlyList<SourceStateCount> Deliveries, IReadOnlyList<LinkageRun> RecentRuns);

public sealed record SourceStateCount(string Source, DeliveryState State, long Count);
