using LinkService.Configuration.Sources;

namespace LinkService.Linkage.Running;

/// <summary>
/// A stored, accepted delivery to link. <paramref name="ExcludedRows"/> are 1-based data row numbers
/// (the first row after the header is 1) that validation set aside; they are skipped.
/// </summary>
public sealed record LinkageInput(SourceDefinition Source, string DeliveryId, string FilePath, IReadOnlySet<long>? ExcludedRows);
