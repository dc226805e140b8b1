namespace LinkService.Ledger.Audit;

/// <summary>The result of recomputing the audit chain: intact, or the first row that does not match.</summary>
public sealed record AuditVerification(bool IsIntact, long RowsChecked, long? FirstTamperedSequence, string? Problem)
{
    public static AuditVerification Intact(long rows) => new(true, rows, null, null);
}
