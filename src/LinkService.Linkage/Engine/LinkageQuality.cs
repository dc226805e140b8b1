namespace LinkService.Linkage.Engine;

/// <summary>The figures of a run (quality.json): what was compared, what linked, and the model's own error estimates.</summary>
public sealed record LinkageQuality
{
    public required IReadOnlyDictionary<string, int> RecordsPerSource { get; init; }

    public required long PairsCompared { get; init; }

    public required IReadOnlyList<BlockingRuleFigures> BlockingRules { get; init; }

    /// <summary>Share of true pairs the blocking rules together generate; only where truth is known.</summary>
    public double? BlockingRecall { get; init; }

    public required long Links { get; init; }

    public required long ReviewPairs { get; init; }

    public required int Entities { get; init; }

    /// <summary>Per source, the share of its records in an entity with a record of another source.</summary>
    public required IReadOnlyDictionary<string, double> MatchRatePerSource { get; init; }

    public required IReadOnlyList<WeightBin> WeightDistribution { get; init; }

    /// <summary>
    /// Expected share of linked pairs that are false: the mean of (1 − p) over every pair of records the entities join
    /// (as the mode counts pairs), the pairs joined only through other records included.
    /// </summary>
    public required double EstimatedFalseLinkRate { get; init; }

    /// <summary>
    /// Expected share of true matches the entities do not join: those compared that the decision left apart, and those
    /// no blocking rule generated (<see cref="EstimatedMatchesOutsideBlocks"/>) that no chain of other records joins,
    /// over all expected matches.
    /// </summary>
    public required double EstimatedMissedLinkRate { get; init; }

    /// <summary>
    /// The model's estimate of matching pairs no blocking rule generated (never compared, so never linked as a pair);
    /// those of them the entities do not join through other records count in <see cref="EstimatedMissedLinkRate"/>.
    /// See <c>OutsideBlocks</c> for how it is reached.
    /// </summary>
    public double? EstimatedMatchesOutsideBlocks { get; init; }

    /// <summary>
    /// The expected matches among the pairs the entities join through other records that no blocking rule generated:
    /// found although never compared, so not missed.
    /// </summary>
    public double MatchesOutsideBlocksJoined { get; init; }

    /// <summary>The model's expected number of matching pairs among those compared.</summary>
    public required double ExpectedMatches { get; init; }
}

/// <summary>What one blocking rule contributed: pairs it generated first (not counted again under a later rule), and blocks too large to compare.</summary>
public sealed record BlockingRuleFigures(string Rule, long PairsGenerated, long SkippedBlocks, long SkippedRecords, double? TruePairsKept);

/// <summary>Pairs whose match weight falls in [From, To).</summary>
public sealed record WeightBin(int From, int To, long Pairs);
