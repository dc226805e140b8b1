namespace LinkService.Ledger.Runs;

/// <summary>A running run's owner and the time its lease runs out unless the owner renews it.</summary>
public sealed record RunLease(RunOwner Owner, DateTimeOffset ExpiresAt)
{
    public bool HasExpiredAt(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>The holder and when the lease runs out, as a refused command tells it: how long to wait.</summary>
    public string Held() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Owner}, whose lease runs until {ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC");
}
