namespace LinkService.Intake.Processing;

/// <summary>
/// Spaces out retries of a delivery that keeps failing (a check that throws, a folder it cannot write),
/// doubling from 15 seconds to an hour, so that one bad delivery does not take every pass's time.
/// </summary>
internal sealed class RetryBackoff(TimeProvider timeProvider)
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);
    private readonly Dictionary<string, (int Failures, DateTimeOffset NotBefore)> _failing = new(StringComparer.Ordinal);

    public bool IsDue(string deliveryId) =>
        !_failing.TryGetValue(deliveryId, out var failing) || timeProvider.GetUtcNow() >= failing.NotBefore;

    /// <summary>Records a failure; returns when the delivery will next be tried.</summary>
    public DateTimeOffset Failed(string deliveryId)
    {
        var failures = _failing.TryGetValue(deliveryId, out var failing) ? failing.Failures + 1 : 1;
        var wait = TimeSpan.FromTicks(Math.Min(Longest.Ticks, First.Ticks << Math.Min(failures - 1, 20)));
        var notBefore = timeProvider.GetUtcNow() + wait;
        _failing[deliveryId] = (failures, notBefore);
        return notBefore;
    }

    public void Succeeded(string deliveryId) => _failing.Remove(deliveryId);
}
