using LinkService.Configuration.Projects.Linkage;
using LinkService.Configuration.Schemas;
using LinkService.Linkage.Comparison;
using LinkService.Linkage.Data;
using LinkService.Linkage.Engine;
using LinkService.Linkage.Model;

namespace LinkService.Linkage.Tests.Engine;

public sealed class PairScorerTests
{
    // Surnames compared by Jaro–Winkler alone, with term frequencies: level 0 is close, not exact, agreement.
    private static readonly LinkageSpec Spec = new()
    {
        Blocking = [new() { Keys = [new() { Field = CanonicalField.Surname }] }],
        Comparisons =
        [
            new() { Field = CanonicalField.Surname, TermFrequency = true, Levels = [new() { Method = ComparisonMethod.JaroWinkler, Threshold = 0.8 }] },
        ],
    };

    [Fact]
    public void Weight_CloseButDifferentNames_GetNoTermFrequencyAdjustment()
    {
        var (comparer, model) = Score("SMITH", "SMYTH", "JONES", "BROWN");
        var pattern = comparer.Pattern(0, 1);

        var weight = new PairScorer(model, comparer).Weight(0, 1, pattern);

        Assert.Equal(0, ComparisonVector.Level(pattern, 0));
        Assert.Equal(model.Weight(pattern), weight, 10);
    }

    [Fact]
    public void Weight_SameCommonName_LosesItsFrequencyInFull()
    {
        var (comparer, model) = Score("SMITH", "SMITH", "JONES", "BROWN");
        var pattern = comparer.Pattern(0, 1);

        var weight = new PairScorer(model, comparer).Weight(0, 1, pattern);

        // SMITH is half the names; agreement by chance has u = 0.01 on average: log2(0.01 / 0.5) = −5.6 bits, no bound.
        Assert.Equal(model.Weight(pattern) + Math.Log2(0.01 / 0.5), weight, 10);
    }

    [Fact]
    public void Weight_SameRareName_GainsItsFullCredit()
    {
        var (comparer, model) = Score([.. Enumerable.Repeat("QUENBY", 2), .. Enumerable.Range(0, 398).Select(i => $"NAME{i}")]);
        var pattern = comparer.Pattern(0, 1);

        var weight = new PairScorer(model, comparer).Weight(0, 1, pattern);

        // QUENBY is 2 of 400 names: log2(0.01 / 0.005) = +1 bit.
        Assert.Equal(model.Weight(pattern) + Math.Log2(0.01 / 0.005), weight, 10);
    }

    private static (PairComparer Comparer, FellegiSunterModel Model) Score(params string[] surnames)
    {
        var source = new SourceRecords("s0", [new SourceField(CanonicalField.Surname)]);
        for (var i = 0; i < surnames.Length; i++)
        {
            source.Add($"r{i}", [surnames[i]]);
        }

        var table = RecordTableBuilder.Build(Spec, [source], CancellationToken.None);
        return (new PairComparer(Spec.Comparisons, table), new FellegiSunterModel([[0.9, 0.1]], [[0.01, 0.99]], 0.01));
    }

    [Fact]
    public void Weight_NamesSwapped_CountsTheSwapOnceAtItsOwnOdds()
    {
        // Forename and surname each with exact and swapped levels. Each swapped level has m = 0.01, u = 1e-5 (log2 1000,
        // 10 bits), capped by the ordering at its exact level's log2(0.8 / 0.01) = 6 bits: counted twice, 12 bits. One
        // event, scored once: 10 bits, no more than the 12 of both names exact.
        LinkageSpec spec = new()
        {
            Blocking = [new() { Keys = [new() { Field = CanonicalField.DateOfBirth }] }],
            Comparisons =
            [
                new() { Field = CanonicalField.Forename, Levels = [new() { Method = ComparisonMethod.Exact }, new() { Method = ComparisonMethod.Swapped, OtherField = CanonicalField.Surname }] },
                new() { Field = CanonicalField.Surname, Levels = [new() { Method = ComparisonMethod.Exact }, new() { Method = ComparisonMethod.Swapped, OtherField = CanonicalField.Forename }] },
            ],
        };
        var source = new SourceRecords("s0", [new SourceField(CanonicalField.Forename), new SourceField(CanonicalField.Surname), new SourceField(CanonicalField.DateOfBirth)]);
        source.Add("r0", ["JAMES", "HARRIS", "1980-01-01"]);
        source.Add("r1", ["HARRIS", "JAMES", "1980-01-01"]);
        var table = RecordTableBuilder.Build(spec, [source], CancellationToken.None);
        var comparer = new PairComparer(spec.Comparisons, table);
        double[] levels = [0.8, 0.01, 0.19];
        double[] chance = [0.01, 1e-5, 0.98999];
        var model = new FellegiSunterModel([levels, levels], [chance, chance], 0.01);
        var pattern = comparer.Pattern(0, 1);

        var weight = new PairScorer(model, comparer).Weight(0, 1, pattern);

        Assert.Equal((1, 1), (ComparisonVector.Level(pattern, 0), ComparisonVector.Level(pattern, 1)));
        Assert.Equal(model.PriorWeight + Math.Log2(0.01 / 1e-5), weight, 10);
        Assert.Equal(weight - model.PriorWeight, new PairScorer(model, comparer).Contributions(0, 1, pattern).Sum(), 10);
    }
}
