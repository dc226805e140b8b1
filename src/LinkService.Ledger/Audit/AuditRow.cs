namespace LinkService.Ledger.Audit;

/// <summary>An audit row exactly as stored, so that verification MACs the stored text, not a re-formatted one.</summary>
internal sealed record AuditRow(long Sequence, string At, string Entity, string EntityId, string Action, string Detail, string PreviousMac, string Mac);
