using LinkService.Linkage.Model;

namespace LinkService.Linkage.Tests.Model;

public sealed class FellegiSunterModelTests
{
    [Fact]
    public void Log2Factors_RareLevelEstimatedAboveExact_IsHeldAtExactsWeight()
    {
        // Levels exact, swapped, else: a swap seen in 1 % of matches and never among random pairs (u on its half-pair floor).
        var model = new FellegiSunterModel([[0.9, 0.01, 0.09]], [[0.003, 2.5e-7, 0.9969975]], 0.001);

        Assert.Equal(model.Log2Factors[0][0], model.Log2Factors[0][1], 9);
    }

    [Fact]
    public void Log2Factors_LevelNoMatchShowed_IsNotBelowElse()
    {
        // Levels exact, initial, else: no training match had an initial, so its m is next to nothing.
        var model = new FellegiSunterModel([[0.9, 1e-6, 0.099999]], [[0.003, 0.01, 0.987]], 0.001);

        Assert.Equal(model.Log2Factors[0][2], model.Log2Factors[0][1], 9);
        Assert.True(model.Log2Factors[0][0] > model.Log2Factors[0][1]);
    }

    [Fact]
    public void Log2Factors_LevelsAlreadyInOrder_AreTheirOwnEstimates()
    {
        var model = new FellegiSunterModel([[0.8, 0.15, 0.05]], [[0.01, 0.05, 0.94]], 0.001);

        Assert.Equal(Math.Log2(0.15 / 0.05), model.Log2Factors[0][1], 9);
    }

    [Fact]
    public void Weight_PairOfSourcesWithItsOwnM_ScoresADisagreementByItsOwnShare()
    {
        // Postcode exact / else: duplicates within a source share the address (1 % disagree), offender and claimant
        // records across sources often do not (15 %); a cross-source pair at a new address is not as unlikely as a duplicate.
        var across = SourcePairs.Of(0, 1);
        var model = new FellegiSunterModel([[0.99, 0.01]], [[0.001, 0.999]], 0.001, sourcePairM: new Dictionary<int, double[][]> { [across] = [[0.85, 0.15]] });
        const ulong Else = 1;

        Assert.Equal(model.PriorWeight + Math.Log2(0.15 / 0.999), model.Weight(Else, across), 9);
        Assert.Equal(model.PriorWeight + Math.Log2(0.01 / 0.999), model.Weight(Else, SourcePairs.Of(0, 0)), 9);
    }
}
