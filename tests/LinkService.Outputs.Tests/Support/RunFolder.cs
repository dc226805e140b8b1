using System.Text.Json;
using LinkService.Configuration.Loading;
using LinkService.Linkage.Engine;
using LinkService.Linkage.Running;

namespace LinkService.Outputs.Tests.Support;

/// <summary>
/// A linkage run's private folder with known figures: quality.json serialised from <see cref="LinkageQuality"/> the
/// way the runner does, model.json in the runner's shape, and links.csv and review.csv as folders, so any attempt to
/// open them as files fails the test.
/// </summary>
internal static class RunFolder
{
    public static string Write(string folder, string justice = "justice", string rule = "l.surname = r.surname", string field = "surname", double? matchesOutsideBlocks = null, string thresholds = "\"match\": 0.9, \"review\": 0.5")
    {
        Directory.CreateDirectory(Path.Combine(folder, RunFiles.Links));
        Directory.CreateDirectory(Path.Combine(folder, RunFiles.Review));
        var quality = new LinkageQuality
        {
            RecordsPerSource = new Dictionary<string, int> { [justice] = 5_000, ["welfare"] = 4_000 },
            PairsCompared = 1_234_567,
            BlockingRules = [new BlockingRuleFigures(rule, 1_000_000, 2, 900, null), new BlockingRuleFigures("l.date_of_birth = r.date_of_birth", 234_567, 0, 0, null)],
            Links = 3_500,
            ReviewPairs = 120,
            Entities = 5_400,
            MatchRatePerSource = new Dictionary<string, double> { [justice] = 0.7, ["welfare"] = 0.875 },
            WeightDistribution = [new WeightBin(-20, -19, 800_000), new WeightBin(-3, -2, 400_000), new WeightBin(2, 3, 120), new WeightBin(15, 16, 3_400)],
            EstimatedFalseLinkRate = 0.0123,
            EstimatedMissedLinkRate = 0.0456,
            EstimatedMatchesOutsideBlocks = matchesOutsideBlocks,
            MatchesOutsideBlocksJoined = matchesOutsideBlocks is null ? 0 : 150,
            ExpectedMatches = 3_600,
        };
        File.WriteAllText(Path.Combine(folder, RunFiles.Quality), JsonSerializer.Serialize(quality, ConfigJson.Options));
        File.WriteAllText(Path.Combine(folder, RunFiles.Model), $$"""
            {
              "prior": 0.0003,
              "priorWeight": -11.7,
              "expectedMatches": 3600,
              "thresholds": { {{thresholds}} },
              "comparisons": [
                { "field": {{JsonSerializer.Serialize(field)}}, "termFrequency": true, "levels": [
                  { "level": "exact", "m": 0.91, "u": 0.002, "weight": 8.83 },
                  { "level": "jaro-winkler>=0.9", "m": 0.05, "u": 0.01, "weight": 2.32, "matchEvidence": 4.5, "randomPairs": 120, "thin": true },
                  { "level": "else", "m": 0.04, "u": 0.988, "weight": -4.63 } ] },
                { "field": "date_of_birth", "termFrequency": false, "levels": [
                  { "level": "exact", "m": 0.95, "u": 0.0001, "weight": 13.21 },
                  { "level": "else", "m": 0.05, "u": 0.9999, "weight": -4.32 } ] }
              ],
              "training": [ { "blockingRule": "l.surname = r.surname", "pairs": 1000, "matchShare": 0.3, "iterations": 12, "fieldsNotEstimated": [ "surname" ] } ]
            }
            """);
        return folder;
    }
}
