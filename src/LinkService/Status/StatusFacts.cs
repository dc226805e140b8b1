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
    DateTimeOffset Now)
{
    /// <summary>How many deliveries and runs status lists.</summary>
    public const int Recent = 10;

    public bool IsIntact => Audit.IsIntact && Store.IsIntact;
}
