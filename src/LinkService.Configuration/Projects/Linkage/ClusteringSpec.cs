namespace LinkService.Configuration.Projects.Linkage;

/// <summary>How links become entities.</summary>
public sealed class ClusteringSpec
{
    /// <summary>With two sources: each record links to at most one record of the other source (best first).</summary>
    public bool OneToOne { get; init; }
}
