using LinkService.Configuration.Sources;
using LinkService.Deliveries.SetAside;

namespace LinkService.Linkage.Running;

/// <summary>A stored, accepted delivery to link, and the rows validation set aside from it, which are skipped.</summary>
public sealed record LinkageInput(SourceDefinition Source, string DeliveryId, string FilePath, SetAsideRows SetAside);
