namespace LinkService.Configuration.Projects.Linkage;

/// <summary>A comparison of one canonical field with ordered levels; a pair meeting none is in the "else" level.</summary>
public sealed class ComparisonSpec
{
    public required string Field { get; init; }

    public required IReadOnlyList<ComparisonLevelSpec> Levels { get; init; }

    /// <summary>Adjust exact agreement by the value's frequency (SMITH is worth less than a rare surname).</summary>
    public bool TermFrequency { get; init; }

    public const int MaxLevels = 14;
}
