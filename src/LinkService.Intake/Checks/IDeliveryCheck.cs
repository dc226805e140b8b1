namespace LinkService.Intake.Checks;

/// <summary>
/// What intake asks of a stored delivery before accepting it. The host fills it with schema validation; there is
/// no default, so intake without one refuses to start. Must be repeatable: after a crash the same delivery may be checked again.
/// </summary>
public interface IDeliveryCheck
{
    Task<DeliveryCheckResult> CheckAsync(StoredDelivery delivery, CancellationToken cancellationToken);
}
