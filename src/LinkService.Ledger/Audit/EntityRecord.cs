namespace LinkService.Ledger.Audit;

/// <summary>
/// A delivery's or run's row as its table holds it, in the fields the audit chain vouches for (see
/// <see cref="AuditReplay"/>): every column a decision depends on. Values are the stored text; null when unset.
/// </summary>
internal sealed record EntityRecord(string Entity, string Id, IReadOnlyDictionary<string, string?> Fields)
{
    public const string Delivery = "delivery";
    public const string Run = "run";
}
