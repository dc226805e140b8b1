namespace LinkService.Ledger.Deliveries;

/// <summary>
/// The custodian's decision on a held delivery: <see cref="Release"/> makes it accepted (the next run's input), otherwise
/// it is rejected, for <see cref="Reason"/>, and goes to <see cref="QuarantinePath"/>. <see cref="By"/> is the OS account.
/// </summary>
public sealed record HeldDecision(bool Release, string By, string? Reason, string? QuarantinePath)
{
    /// <summary>The audit action each decision is recorded as.</summary>
    public string Action => Release ? "released" : "rejected-held";
}
