namespace LinkService.Deliveries.Store;

/// <summary>A stored delivery's bytes are not the ones recorded at intake; the message names the delivery, never its content.</summary>
public sealed class StoredCopyAlteredException(string deliveryId, string source, string problem)
    : Exception($"the stored copy of delivery {deliveryId} (source '{source}') {problem}")
{
    public string DeliveryId { get; } = deliveryId;

    public string SourceName { get; } = source;

    /// <summary>What is wrong, completing "the stored copy of delivery X ...".</summary>
    public string Problem { get; } = problem;
}
