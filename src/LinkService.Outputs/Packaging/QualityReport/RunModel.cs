using LinkService.Configuration.Projects.Linkage;

namespace LinkService.Outputs.Packaging.QualityReport;

/// <summary>
/// The parts of a run's model.json the report shows: each comparison level's m, u and weight, the prior and the
/// thresholds. (Linkage's own ModelDocument is internal to it; this reads the file it writes.)
/// </summary>
internal sealed record RunModel(double Prior, double PriorWeight, ThresholdSpec Thresholds, IReadOnlyList<RunModel.ComparisonEntry> Comparisons)
{
    public sealed record ComparisonEntry(string Field, bool TermFrequency, IReadOnlyList<LevelEntry> Levels);

    /// <summary>One level; <paramref name="Thin"/> where the model flags its m or u as resting on few pairs (false where the model does not say).</summary>
    public sealed record LevelEntry(string Level, double M, double U, double Weight, bool Thin = false);
}
