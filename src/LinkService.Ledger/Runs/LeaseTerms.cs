namespace LinkService.Ledger.Runs;

/// <summary>
/// How long a run's lease lasts from its last renewal, and how often its owner renews it. A lease outlives
/// three missed renewals, so a busy machine does not lose its run; an owner that died is taken over within
/// <see cref="Duration"/>. Nodes sharing a ledger judge expiry by their own clocks: their skew must stay well
/// under <see cref="Duration"/> minus <see cref="RenewEvery"/>.
/// </summary>
public sealed record LeaseTerms(TimeSpan Duration, TimeSpan RenewEvery)
{
    public static LeaseTerms Default { get; } = new(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(15));

    public DateTimeOffset ExpiryFrom(DateTimeOffset now) => now + Duration;
}
