using LinkService.Linkage.Engine;
using LinkService.Outputs.Stages;

namespace LinkService.Outputs.Packaging.QualityReport;

/// <summary>
/// The figures of the linkage quality report, as written to linkage-quality.json and drawn in the HTML page: counts,
/// rates and model parameters only, never a record.
/// </summary>
internal sealed record QualityFigures(
    string Project,
    string Run,
    string Created,
    IReadOnlyList<QualityFigures.SourceFigures> Sources,
    long PairsCompared,
    long Links,
    long ReviewPairs,
    int Entities,
    QualityFigures.ThresholdFigures Thresholds,
    double Prior,
    double PriorWeight,
    IReadOnlyList<WeightBin> WeightDistribution,
    IReadOnlyList<RunModel.ComparisonEntry> Comparisons,
    IReadOnlyList<BlockingRuleFigures> BlockingRules,
    double? BlockingRecall,
    QualityFigures.ErrorEstimates Estimates)
{
    public sealed record SourceFigures(string Source, int Records, double MatchRate);

    /// <summary>The thresholds as probabilities and as the match weights (log2 odds) the distribution is drawn in.</summary>
    /// <param name="MatchWithinSource">The match threshold of two records of one source, where the project sets one apart.</param>
    public sealed record ThresholdFigures(double Match, double Review, double MatchWeight, double ReviewWeight, double? MatchWithinSource = null);

    /// <summary>
    /// The model's own error estimates. <see cref="MatchesOutsideBlocks"/> is the expected number of matching pairs no
    /// blocking rule generated; <see cref="ShareOfMatchesOutsideBlocks"/> their share of all expected matches. Both null
    /// where the run did not estimate them. <see cref="MatchesOutsideBlocksJoined"/>: those the entities joined all the
    /// same, through other records (not missed).
    /// </summary>
    public sealed record ErrorEstimates(double FalseLinkRate, double MissedLinkRate, double ExpectedMatchesCompared, double? MatchesOutsideBlocks, double? ShareOfMatchesOutsideBlocks, double MatchesOutsideBlocksJoined = 0);

    public static QualityFigures From(OutputRequest request, PackageHeading heading, LinkageQuality quality, RunModel model)
    {
        var outside = quality.EstimatedMatchesOutsideBlocks;
        var all = quality.ExpectedMatches + (outside ?? 0);
        return new QualityFigures(
            request.Project.Name,
            request.RunId,
            heading.Created,
            [.. quality.RecordsPerSource.OrderBy(s => request.Project.Sources.ToList().IndexOf(s.Key)).ThenBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => new SourceFigures(s.Key, s.Value, quality.MatchRatePerSource.GetValueOrDefault(s.Key)))],
            quality.PairsCompared,
            quality.Links,
            quality.ReviewPairs,
            quality.Entities,
            new ThresholdFigures(model.Thresholds.Match, model.Thresholds.Review, Log2Odds(model.Thresholds.Match), Log2Odds(model.Thresholds.Review), model.Thresholds.MatchWithinSource),
            model.Prior,
            model.PriorWeight,
            quality.WeightDistribution,
            model.Comparisons,
            quality.BlockingRules,
            quality.BlockingRecall,
            new ErrorEstimates(quality.EstimatedFalseLinkRate, quality.EstimatedMissedLinkRate, quality.ExpectedMatches, outside, outside is null || all <= 0 ? null : Math.Round(outside.Value / all, 6), quality.MatchesOutsideBlocksJoined));
    }

    private static double Log2Odds(double probability)
    {
        // A threshold of exactly 0 or 1 has no finite weight; drawn at the edge of the weights a model can give.
        var p = Math.Clamp(probability, 1e-12, 1 - 1e-12);
        return Math.Round(Math.Log2(p / (1 - p)), 4);
    }
}
