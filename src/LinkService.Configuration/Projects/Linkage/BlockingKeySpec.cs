namespace LinkService.Configuration.Projects.Linkage;

/// <summary>One part of a blocking rule: a canonical field and what is taken from it.</summary>
public sealed class BlockingKeySpec
{
    public required string Field { get; init; }

    public KeyTransform Transform { get; init; } = KeyTransform.Exact;

    /// <summary>With <c>prefix</c>: how many leading characters.</summary>
    public int Length { get; init; } = 3;
}
