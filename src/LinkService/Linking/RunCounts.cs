using LinkService.Linkage.Running;

namespace LinkService.Linking;

/// <summary>The figures of a run the ledger keeps, by name.</summary>
internal static class RunCounts
{
    public static IReadOnlyDictionary<string, long> From(LinkageRunResult result)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal)
        {
            ["pairs_compared"] = result.PairsCompared,
            ["links"] = result.Links,
            ["entities"] = result.Entities,
            ["review_pairs"] = result.ReviewPairs,
        };
        foreach (var (source, records) in result.RecordsPerSource)
        {
            counts[$"records_{source}"] = records;
        }

        return counts;
    }
}
