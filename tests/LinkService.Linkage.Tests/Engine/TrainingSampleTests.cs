using LinkService.Configuration.Projects;
using LinkService.Configuration.Projects.Linkage;
using LinkService.Linkage.Data;
using LinkService.Linkage.Engine;
using LinkService.Linkage.Tests.Support;
using LinkService.Synth;

namespace LinkService.Linkage.Tests.Engine;

/// <summary>Training on a sample of the candidate pairs when there are more than <c>training.candidatePairs</c>.</summary>
public sealed class TrainingSampleTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Run_PairsOverTheCap_TrainsTheModelTheFullPassWouldWithExactBlockingFigures()
    {
        var (spec, table, truth) = await SynthAsync();
        var full = LinkageEngine.Run(WithCap(spec, int.MaxValue), LinkageMode.Link, table, truth, CancellationToken.None);

        // The cap at twice the pairs compared. It is held against the pairs each rule's blocks hold, and here nearly every pair
        // is a match (7,600 expected among 8,100) that most of the twelve rules generate: the rate is about 10 % to 15 %.
        var sampled = LinkageEngine.Run(WithCap(spec, (int)(full.Quality.PairsCompared * 2)), LinkageMode.Link, table, truth, CancellationToken.None);

        var fullScore = PairwiseScore.Of(table, full.Entity, truth, LinkageMode.Link);
        var sampledScore = PairwiseScore.Of(table, sampled.Entity, truth, LinkageMode.Link);
        output.WriteLine($"pairs {full.Quality.PairsCompared}; prior {full.Model.Prior:E4} -> {sampled.Model.Prior:E4}; expected {full.Quality.ExpectedMatches} -> {sampled.Quality.ExpectedMatches}; F1 {fullScore.F1:F5} -> {sampledScore.F1:F5}");
        var largest = 0.0;
        for (var c = 0; c < full.Model.M.Length; c++)
        {
            for (var l = 0; l < full.Model.M[c].Length; l++)
            {
                largest = Math.Max(largest, Math.Abs(full.Model.M[c][l] - sampled.Model.M[c][l]));
            }
        }

        output.WriteLine($"largest m difference {largest:F5}");
        Assert.NotEqual(full.Model.M, sampled.Model.M);
        // At rate r of n matches a level's m moves by √(m(1−m)(1 − r) / (r n)) per standard error: about 0.016 at m = ½ for
        // 900 sampled matches, much less for the levels near 0 or 1 that most are. (Counted without the 1 / rate, the prior
        // falls to the rate times the full pass's and the expected matches with it.)
        Assert.InRange(largest, 0, 0.04);
        Assert.InRange(sampled.Model.Prior / full.Model.Prior, 0.9, 1.1);
        Assert.InRange(sampled.Training.ExpectedMatches / full.Training.ExpectedMatches, 0.9, 1.1);
        Assert.InRange(sampledScore.F1, fullScore.F1 - 0.002, 1);

        // Counting costs no comparison, so what blocking kept stays exact.
        Assert.Equal(full.Quality.BlockingRules.Select(r => (r.PairsGenerated, r.TruePairsKept)), sampled.Quality.BlockingRules.Select(r => (r.PairsGenerated, r.TruePairsKept)));
        Assert.Equal(full.Quality.BlockingRecall, sampled.Quality.BlockingRecall);
        Assert.Equal(full.Quality.PairsCompared, sampled.Quality.PairsCompared);
    }

    [Fact]
    public async Task Run_PairsUnderTheDefaultCap_TrainsOnEveryPairBitForBit()
    {
        var (spec, table, truth) = await SynthAsync();

        var unlimited = LinkageEngine.Run(WithCap(spec, int.MaxValue), LinkageMode.Link, table, truth, CancellationToken.None);
        var byDefault = LinkageEngine.Run(WithCap(spec, new TrainingSpec().CandidatePairs), LinkageMode.Link, table, truth, CancellationToken.None);

        Assert.Equal(unlimited.Model.M, byDefault.Model.M);
        Assert.Equal(unlimited.Model.Prior, byDefault.Model.Prior);
        Assert.Equal(unlimited.Training.MatchEvidence, byDefault.Training.MatchEvidence);
        Assert.Equal(unlimited.Links.Select(p => (p.A, p.B, p.Weight)), byDefault.Links.Select(p => (p.A, p.B, p.Weight)));
    }

    private async Task<(LinkageSpec Spec, RecordTable Table, int[] Truth)> SynthAsync()
    {
        var catalog = RepositoryConfig.Load();
        var spec = catalog.Projects["reoffending-benefits"].Linkage;
        var (table, truth) = await SynthTables.BuildAsync(catalog, spec, _temp.Path, new SynthOptions { People = 20_000, Seed = 11 });
        return (spec, table, truth);
    }

    private static LinkageSpec WithCap(LinkageSpec spec, int cap) => new()
    {
        Standardisation = spec.Standardisation,
        Blocking = spec.Blocking,
        Comparisons = spec.Comparisons,
        Training = new TrainingSpec
        {
            RandomPairs = spec.Training.RandomPairs,
            CandidatePairs = cap,
            Seed = spec.Training.Seed,
            MaxIterations = spec.Training.MaxIterations,
            Tolerance = spec.Training.Tolerance,
        },
        Thresholds = spec.Thresholds,
        Clustering = spec.Clustering,
    };
}
