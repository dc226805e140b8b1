using LinkService.Configuration.Loading;
using LinkService.Configuration.Projects.Linkage;
using LinkService.Linkage.Engine;
using LinkService.Linkage.Model;

namespace LinkService.Linkage.Running;

/// <summary>The trained model as written to model.json: one entry per comparison level with m, u and the weight it adds.</summary>
internal sealed record ModelDocument(
    double Prior,
    double PriorWeight,
    double ExpectedMatches,
    ThresholdSpec Thresholds,
    IReadOnlyList<ModelDocument.ComparisonEntry> Comparisons,
    IReadOnlyList<ModelDocument.TrainingEntry> Training,
    IReadOnlyList<ModelDocument.SourcePairPrior> SourcePairPriors)
{
    /// <summary>The prior a pair between these two sources (the same one twice: its duplicates) is scored with.</summary>
    public sealed record SourcePairPrior(string SourceA, string SourceB, double Prior);

    /// <summary>
    /// Fewer expected matches or random pairs than this in a level and its m or u is mostly the prior: the level is
    /// flagged as resting on thin evidence (a count of 10 leaves a relative error of about a third).
    /// </summary>
    public const double ThinEvidence = 10;

    /// <summary>
    /// One level: <paramref name="Weight"/> is what it adds (log2 m/u held in the levels' order);
    /// <paramref name="MatchEvidence"/> the expected matches training saw in it, <paramref name="RandomPairs"/> the random
    /// pairs that fell in it; <paramref name="Thin"/> when either is below <see cref="ThinEvidence"/>.
    /// </summary>
    public sealed record LevelEntry(string Level, double M, double U, double Weight, double MatchEvidence, long RandomPairs, bool Thin);

    public sealed record ComparisonEntry(string Field, bool TermFrequency, IReadOnlyList<LevelEntry> Levels);

    public sealed record TrainingEntry(string BlockingRule, double Pairs, double MatchShare, int Iterations, IReadOnlyList<string> FieldsNotEstimated);

    public static IReadOnlyList<string> LevelNames(ComparisonSpec spec) =>
        [.. spec.Levels.Select(Describe), "else"];

    public static ModelDocument From(LinkageOutcome outcome, LinkageSpec spec)
    {
        var model = outcome.Model;
        var comparisons = spec.Comparisons.Select((c, i) => new ComparisonEntry(
            c.Field,
            c.TermFrequency,
            [.. LevelNames(c).Select((name, l) => Level(outcome, i, l, name))])).ToList();
        var training = outcome.Training.Rules.Select(r => new TrainingEntry(r.Rule, r.Pairs, Round(r.MatchShare), r.Iterations, r.Fixed)).ToList();
        var names = outcome.Table.SourceNames;
        var priors = model.SourcePairPriors.OrderBy(p => p.Key)
            .Select(p => (Sources: SourcePairs.Sources(p.Key), Prior: p.Value))
            .Select(p => new SourcePairPrior(names[p.Sources.S], names[p.Sources.T], p.Prior)).ToList();
        return new ModelDocument(model.Prior, Math.Round(model.PriorWeight, 4), Math.Round(outcome.Training.ExpectedMatches, 3), spec.Thresholds, comparisons, training, priors);
    }

    private static LevelEntry Level(LinkageOutcome outcome, int comparison, int level, string name)
    {
        var model = outcome.Model;
        var matches = outcome.Training.MatchEvidence[comparison][level];
        var pairs = outcome.RandomPairCounts[comparison][level];
        return new LevelEntry(
            name, Round(model.M[comparison][level]), Round(model.U[comparison][level]), Math.Round(model.Log2Factors[comparison][level], 4),
            Math.Round(matches, 3), pairs, matches < ThinEvidence || pairs < ThinEvidence);
    }

    private static string Describe(ComparisonLevelSpec level)
    {
        var method = ConfigJson.EnumName(level.Method);
        return level.Method switch
        {
            ComparisonMethod.JaroWinkler or ComparisonMethod.Jaro => $"{method}>={level.Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            ComparisonMethod.Levenshtein or ComparisonMethod.DamerauLevenshtein or ComparisonMethod.YearsApart => $"{method}<={level.Distance}",
            ComparisonMethod.Swapped or ComparisonMethod.InOtherField => $"{method}:{level.OtherField}",
            _ => method,
        };
    }

    private static double Round(double value) => double.Parse(value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
}
