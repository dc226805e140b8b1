using System.Collections.Concurrent;
using LinkService.Intake.Checks;

namespace LinkService.Intake.Tests.Support;

/// <summary>An <see cref="IDeliveryCheck"/> that returns a set verdict and remembers what it was asked to check.</summary>
public sealed class RecordingCheck : IDeliveryCheck
{
    public ConcurrentQueue<StoredDelivery> Checked { get; } = new();

    public DeliveryCheckResult Result { get; set; } = DeliveryCheckResult.Accept();

    public Task<DeliveryCheckResult> CheckAsync(StoredDelivery delivery, CancellationToken cancellationToken)
    {
        Checked.Enqueue(delivery);
        return Task.FromResult(Result);
    }
}
