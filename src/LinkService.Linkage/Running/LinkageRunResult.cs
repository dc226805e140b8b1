namespace LinkService.Linkage.Running;

/// <summary>What a run did, in counts, and where it wrote. Quality against truth is not known here.</summary>
public sealed record LinkageRunResult(
    IReadOnlyDictionary<string, int> RecordsPerSource,
    long PairsCompared,
    long Links,
    int Entities,
    long ReviewPairs,
    string LinksFile,
    string ModelFile,
    string ReviewFile,
    string QualityFile)
{
    /// <summary>
    /// The linkage map the run wrote to <see cref="LinksFile"/>, held in memory for the output stages of the same
    /// process; null where the run did not keep it.
    /// </summary>
    public LinkageMap? Map { get; init; }
}
