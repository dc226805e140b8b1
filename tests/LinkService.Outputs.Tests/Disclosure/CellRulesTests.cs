using LinkService.Outputs.Disclosure;
using LinkService.Outputs.Tests.Support;

namespace LinkService.Outputs.Tests.Disclosure;

public sealed class CellRulesTests
{
    [Theory]
    [InlineData(9, 10, true)]
    [InlineData(10, 10, false)]
    [InlineData(11, 10, false)]
    [InlineData(2, 3, true)]
    [InlineData(3, 3, false)]
    public void BelowThreshold_PersonsAgainstThreshold_OnlyFewerFails(int persons, int threshold, bool expected)
    {
        Assert.Equal(expected, CellRules.BelowThreshold(Cells.Count(persons, rows: persons + 5), threshold));
    }

    [Fact]
    public void BelowThreshold_ManyRowsOfFewPersons_CountsPersonsNotRows()
    {
        Assert.True(CellRules.BelowThreshold(Cells.Count(persons: 9, rows: 50), 10));
    }

    [Fact]
    public void BelowThreshold_EmptyCell_IsAZeroNotASmallCell()
    {
        Assert.False(CellRules.BelowThreshold(Cells.Count(persons: 0, rows: 0), 10));
        Assert.True(CellRules.IsZero(Cells.Count(persons: 0, rows: 0), magnitude: false));
    }

    [Fact]
    public void IsZero_MagnitudeCellTotallingZero_IsZero_ButACountWithRowsIsNot()
    {
        Assert.True(CellRules.IsZero(Cells.Of(0, 0, 0), magnitude: true));
        Assert.False(CellRules.IsZero(Cells.Of(0, 0, 0), magnitude: false));
        Assert.False(CellRules.IsZero(Cells.Of(1, 0, 0), magnitude: true));
    }

    [Fact]
    public void Dominated_TwoLargestHoldExactly90Percent_Passes()
    {
        // 50 + 40 of 100.
        Assert.False(CellRules.Dominated(Cells.Of(50, 40, 5, 5), contributors: 2, percent: 90));
    }

    [Fact]
    public void Dominated_TwoLargestHold90Point1Percent_Fails()
    {
        // 50 + 40.1 of 100.
        Assert.True(CellRules.Dominated(Cells.Of(50, 40.1m, 4.9m, 5), contributors: 2, percent: 90));
    }

    [Fact]
    public void Dominated_OneContributorRule_LooksAtTheLargestAlone()
    {
        Assert.False(CellRules.Dominated(Cells.Of(50, 40, 10), contributors: 1, percent: 50));
        Assert.True(CellRules.Dominated(Cells.Of(50.1m, 39.9m, 10), contributors: 1, percent: 50));
    }

    [Fact]
    public void Dominated_NegativeContributions_CountAsMagnitudes()
    {
        // Totals 0 when signed, yet two persons hold 90 of 100 in magnitude, one more than the rule allows.
        Assert.True(CellRules.Dominated(Cells.Of(-50, 40.1m, 4.9m, 5), contributors: 2, percent: 90));
    }

    [Fact]
    public void FailsPRatio_RestExactly10PercentOfLargest_Passes()
    {
        // Total 160 less 100 and 50 leaves 10, which is 10 % of 100.
        Assert.False(CellRules.FailsPRatio(Cells.Of(100, 50, 4, 6), percent: 10));
    }

    [Fact]
    public void FailsPRatio_RestJustUnder10PercentOfLargest_Fails()
    {
        Assert.True(CellRules.FailsPRatio(Cells.Of(100, 50, 4, 5.99m), percent: 10));
    }

    [Fact]
    public void FailsPRatio_JustOver_Passes()
    {
        Assert.False(CellRules.FailsPRatio(Cells.Of(100, 50, 4, 6.01m), percent: 10));
    }

    [Fact]
    public void FailsPRatio_TwoContributors_Fails_AndAZeroCellPasses()
    {
        Assert.True(CellRules.FailsPRatio(Cells.Of(100, 50), percent: 10));
        Assert.False(CellRules.FailsPRatio(Cells.Of(0, 0, 0), percent: 10));
    }
}
