using LinkService.Configuration.Sources;

namespace LinkService.Intake.Checks;

/// <summary>A delivery whose complete, immutable copy is in the store.</summary>
public sealed record StoredDelivery(
    string DeliveryId,
    SourceDefinition Source,
    string OriginalName,
    string StoredPath,
    string Sha256,
    long Bytes,
    DateTimeOffset ReceivedAt);
