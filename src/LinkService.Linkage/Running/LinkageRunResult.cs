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
    string QualityFile);
