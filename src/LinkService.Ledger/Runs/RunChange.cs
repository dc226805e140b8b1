namespace LinkService.Ledger.Runs;

/// <summary>A run as it is after a transition, and the audit row that records it (its action and detail).</summary>
public sealed record RunChange(LinkageRun After, string Action, object Detail);
