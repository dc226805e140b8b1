using LinkService.Audit;
using LinkService.Intake.Waiting;
using LinkService.Ledger.Audit;
using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Status;

namespace LinkService.Status;

/// <summary>Everything <c>linkservice status</c> reports, gathered once so the text and the JSON say the same.</summary>
internal sealed record StatusFacts(
    IReadOnlyList<string> Sources,
    LedgerStatus Ledger,
    IReadOnlyList<Delivery> RecentDeliveries,
    AuditVerification Audit,
    StoreVerification Store,
    WaitingReport? Waiting,
    DateTimeOffset Now,
    IReadOnlyList<SourceFacts> SourceStates,
    IReadOnlyList<ProjectFacts> Projects)
{
    /// <summary>How many deliveries and runs status lists.</summary>
    public const int Recent = 10;

    /// <summary>The outcomes status counts per source, in its columns' order; every other state is in progress.</summary>
    public static IReadOnlyList<DeliveryState> Outcomes { get; } =
        [DeliveryState.Accepted, DeliveryState.Held, DeliveryState.Rejected, DeliveryState.Duplicate, DeliveryState.Refused];

    public bool IsIntact => Audit.IsIntact && Store.IsIntact;

    /// <summary>How many of <paramref name="source"/>'s deliveries are in a state <paramref name="which"/> holds for.</summary>
    public long Count(string source, Func<DeliveryState, bool> which) =>
        Ledger.Deliveries.Where(d => d.Source == source && which(d.State)).Sum(d => d.Count);
}
