using LinkService.Intake.Checks;

namespace LinkService.Intake.Tests.Support;

/// <summary>
/// An <see cref="IDeliveryCheck"/> that throws while <see cref="Fails"/> is set, as a broken validator would, then accepts;
/// by default an <see cref="InvalidOperationException"/>, or what <paramref name="failure"/> makes.
/// </summary>
public sealed class ThrowingCheck(Func<Exception>? failure = null) : IDeliveryCheck
{
    public int Calls { get; private set; }

    public bool Fails { get; set; } = true;

    public Task<DeliveryCheckResult> CheckAsync(StoredDelivery delivery, CancellationToken cancellationToken)
    {
        Calls++;
        return Fails ? throw failure?.Invoke() ?? new InvalidOperationException("The schema check failed.") : Task.FromResult(DeliveryCheckResult.Accept());
    }
}
