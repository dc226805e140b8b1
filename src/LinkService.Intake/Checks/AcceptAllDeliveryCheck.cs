namespace LinkService.Intake.Checks;

/// <summary>The check until the host registers schema validation: every stored delivery is accepted.</summary>
internal sealed class AcceptAllDeliveryCheck : IDeliveryCheck
{
    public Task<DeliveryCheckResult> CheckAsync(StoredDelivery delivery, CancellationToken cancellationToken) =>
        Task.FromResult(DeliveryCheckResult.Accept());
}
