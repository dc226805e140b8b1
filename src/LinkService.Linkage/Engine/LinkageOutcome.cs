using LinkService.Linkage.Data;
using LinkService.Linkage.Model;

namespace LinkService.Linkage.Engine;

/// <summary>Everything a run produced, in memory: entities per record, links, review pairs, the model and the figures.</summary>
internal sealed record LinkageOutcome(
    RecordTable Table,
    int[] Entity,
    float[] BestProbability,
    IReadOnlyList<ScoredPair> Links,
    IReadOnlyList<ScoredPair> Review,
    FellegiSunterModel Model,
    ModelTrainer.Outcome Training,
    long[][] RandomPairCounts,
    LinkageQuality Quality,
    IReadOnlyList<StageTiming> Timings,
    PairScorer Scorer);

/// <summary>How long one stage took, on the wall clock and in processor time (all threads).</summary>
public sealed record StageTiming(string Stage, TimeSpan Duration, TimeSpan ProcessorTime);
