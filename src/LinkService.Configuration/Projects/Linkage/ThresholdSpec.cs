namespace LinkService.Configuration.Projects.Linkage;

/// <summary>Match probabilities that decide links and the clerical-review band.</summary>
public sealed class ThresholdSpec
{
    /// <summary>Pairs at or above this probability are links.</summary>
    public double Match { get; init; } = 0.9;

    /// <summary>
    /// Pairs of two records of one source (its duplicates, in mode both or dedupe) at or above this are links; when
    /// unset, <see cref="Match"/>. A false link within a source joins two people's records, and everything either is
    /// linked to, so a project may ask more of it than of a link across sources.
    /// </summary>
    public double? MatchWithinSource { get; init; }

    /// <summary>Pairs at or above this and below their match threshold go to clerical review.</summary>
    public double Review { get; init; } = 0.5;

    /// <summary>The match threshold of a pair of records of one source, or of two.</summary>
    public double MatchFor(bool sameSource) => sameSource ? MatchWithinSource ?? Match : Match;
}
