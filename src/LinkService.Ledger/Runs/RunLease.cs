namespace LinkService.Ledger.Runs;

/// <summary>A running run's owner and the time its lease runs out unless the owner renews it.</summary>
public sealed record RunLease(RunOwner Owner, DateTimeOffset ExpiresAt)
{
    public bool HasExpiredAt(DateTimeOffset now) => now >= ExpiresAt;
}
