using LinkService.Linkage.Data;
using LinkService.Linkage.Engine;

namespace LinkService.Linkage.Tests.Support;

/// <summary>The candidate decision over a few pairs, their candidate graph built for each call as the engine builds it once a run.</summary>
internal static class Candidates
{
    public static List<ScoredPair> Apply(List<ScoredPair> kept, RecordTable table, Func<int, int, double> weight, PartnerShares shares, float[]? bits = null, Func<int, bool>? certain = null) =>
        CandidateDecision.Apply(CandidateGraph.Of(kept, table), kept, weight, shares, bits, certain);

    public static float[] DecideTail(IReadOnlyList<TailPair> pairs, List<ScoredPair> kept, RecordTable table, int[] entity, PartnerShares shares, CancellationToken cancellationToken) =>
        CandidateDecision.DecideTail(pairs, CandidateGraph.Of(kept, table), entity, shares, cancellationToken);
}
