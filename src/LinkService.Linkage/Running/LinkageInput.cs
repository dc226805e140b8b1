using LinkService.Configuration.Sources;
using LinkService.Deliveries;
using LinkService.Deliveries.SetAside;
using LinkService.Deliveries.Store;

namespace LinkService.Linkage.Running;

/// <summary>A stored, accepted delivery to link, and the rows validation set aside from it, which are skipped.</summary>
public sealed record LinkageInput(SourceDefinition Source, string DeliveryId, string FilePath, SetAsideRows SetAside)
{
    /// <summary>The size and SHA-256 intake recorded for the stored copy: given, the reading checks the copy against them.</summary>
    public StoredDigest? Digest { get; init; }

    /// <summary>Its accepted rows, read by the one delivery reader, checked against <see cref="Digest"/> where it is given.</summary>
    public AcceptedRows OpenRows() => Digest is { } digest
        ? AcceptedRows.Open(Source, DeliveryId, FilePath, SetAside, digest)
        : AcceptedRows.Open(Source, DeliveryId, FilePath, SetAside);
}
