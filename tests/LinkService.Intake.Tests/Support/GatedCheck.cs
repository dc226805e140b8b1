using LinkService.Intake.Checks;

namespace LinkService.Intake.Tests.Support;

/// <summary>
/// An <see cref="IDeliveryCheck"/> that accepts, but holds each delivery at the check until the test releases it:
/// the moment between the "received" receipt and the final one, when a department knows the delivery's id.
/// </summary>
public sealed class GatedCheck : IDeliveryCheck
{
    private TaskCompletionSource<StoredDelivery> _entered = NewSource<StoredDelivery>();
    private TaskCompletionSource _released = NewSource();

    /// <summary>Completes when a delivery reaches the check, with that delivery.</summary>
    public Task<StoredDelivery> Entered => _entered.Task;

    public async Task<DeliveryCheckResult> CheckAsync(StoredDelivery delivery, CancellationToken cancellationToken)
    {
        var released = _released.Task;
        _entered.TrySetResult(delivery);
        await released.WaitAsync(cancellationToken);
        return DeliveryCheckResult.Accept();
    }

    /// <summary>Lets the held delivery (and every later one) through; <see cref="Rearm"/> holds the next again.</summary>
    public void Release() => _released.TrySetResult();

    public void Rearm()
    {
        _entered = NewSource<StoredDelivery>();
        _released = NewSource();
    }

    private static TaskCompletionSource<T> NewSource<T>() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
