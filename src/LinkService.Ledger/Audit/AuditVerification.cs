namespace LinkService.Ledger.Audit;

/// <summary>
/// The result of recomputing the audit chain and replaying it against the tables: intact, or the first problem
/// (<see cref="FirstTamperedSequence"/> is the chain's first bad row; null when the chain holds but a table
/// row disagrees with it).
/// </summary>
public sealed record AuditVerification(bool IsIntact, long RowsChecked, long? FirstTamperedSequence, string? Problem)
{
    public static AuditVerification Intact(long rows) => new(true, rows, null, null);
}
