namespace LinkService.Ledger.Audit;

/// <summary>
/// The result of checking the audit chain's MACs, its end against the anchor file, and the tables against the
/// replayed chain: intact, or the first problem (<see cref="FirstTamperedSequence"/> is the chain's first bad
/// row; null when the rows hold but the chain's end or a table row disagrees).
/// </summary>
public sealed record AuditVerification(bool IsIntact, long RowsChecked, long? FirstTamperedSequence, string? Problem)
{
    public static AuditVerification Intact(long rows) => new(true, rows, null, null);

    public static AuditVerification Broken(string problem) => new(false, 0, null, problem);
}
