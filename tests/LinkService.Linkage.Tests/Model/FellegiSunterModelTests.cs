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
}
