using LinkService.Configuration.Loading;
using LinkService.Configuration.Projects.Linkage;
using LinkService.Linkage.Engine;

namespace LinkService.Linkage.Running;

/// <summary>The trained model as written to model.json: one entry per comparison level with m, u and the weight it adds.</summary>
internal sealed record ModelDocument(
    double Prior,
    double PriorWeight,
    double ExpectedMatches,
    ThresholdSpec Thresholds,
    IReadOnlyList<ModelDocument.ComparisonEntry> Comparisons,
    IReadOnlyList<ModelDocument.TrainingEntry> Training)
{
    public sealed record LevelEntry(string Level, double M, double U, double Weight);

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
            [.. LevelNames(c).Select((name, l) => new LevelEntry(name, Round(model.M[i][l]), Round(model.U[i][l]), Math.Round(model.Log2Factors[i][l], 4)))])).ToList();
        var training = outcome.Training.Rules.Select(r => new TrainingEntry(r.Rule, r.Pairs, Round(r.MatchShare), r.Iterations, r.Fixed)).ToList();
        return new ModelDocument(model.Prior, Math.Round(model.PriorWeight, 4), Math.Round(outcome.Training.ExpectedMatches, 3), spec.Thresholds, comparisons, training);
    }

    private static string Describe(ComparisonLevelSpec level)
    {
        var method = ConfigJson.EnumName(level.Method);
        return level.Method switch
        {
            ComparisonMethod.JaroWinkler or ComparisonMethod.Jaro => $"{method}>={level.Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            ComparisonMethod.Levenshtein or ComparisonMethod.DamerauLevenshtein or ComparisonMethod.YearsApart => $"{method}<={level.Distance}",
            ComparisonMethod.Swapped => $"{method}:{level.OtherField}",
            _ => method,
        };
    }

    private static double Round(double value) => double.Parse(value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
}
