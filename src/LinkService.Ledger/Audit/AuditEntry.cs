namespace LinkService.Ledger.Audit;

/// <summary>
/// One append-only audit row: what happened to which delivery or run, chained to the row before by
/// <see cref="PreviousMac"/>; <see cref="Mac"/> (HMAC-SHA256 under the audit key) covers this row's content and that link.
/// </summary>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset At,
    string Entity,
    string EntityId,
    string Action,
    string Detail,
    string PreviousMac,
    string Mac);
