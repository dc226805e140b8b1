using LinkService.Configuration.Projects.Outputs;
using LinkService.Outputs.Disclosure;
using LinkService.Outputs.Stages;
using LinkService.Outputs.Tests.Support;

namespace LinkService.Outputs.Tests.Disclosure;

public sealed class TableCheckTests
{
    private static AggregateTableSpec Counts(bool suppress = true, int? round = null) =>
        new() { Name = "counts", From = "alpha", GroupBy = ["benefit"], Suppress = suppress, Round = round };

    private static AggregateTableSpec Sums(AggregateStatistic statistic = AggregateStatistic.Sum, int? round = null) =>
        new() { Name = "sums", From = "alpha", GroupBy = ["benefit"], Statistic = statistic, Column = "amount", Round = round };

    private static DisclosureFinding Finding(TableOutcome outcome, string rule) => Assert.Single(outcome.Findings, f => f.Rule == rule);

    [Fact]
    public void Check_CellsBelowThreshold_AreSuppressedAndCounted()
    {
        var outcome = TableCheck.Check(Counts(), [Cells.Count(9, 9, "a"), Cells.Count(10, 10, "b"), Cells.Count(3, 20, "c")]);

        var threshold = Finding(outcome, DisclosureRules.Threshold);
        Assert.Equal(DisclosureVerdict.Pass, threshold.Verdict);
        Assert.Equal("2 of 3 cells with rows describe fewer than 10 persons; suppressed in the released table", threshold.Reason);
        Assert.Equal(2, outcome.Suppressed);
        Assert.Equal([null, 10m, null], outcome.Values);
        Assert.True(outcome.Released);
    }

    [Fact]
    public void Check_EveryCellAtTheThreshold_PassesWithNothingSuppressed()
    {
        var outcome = TableCheck.Check(Counts(), [Cells.Count(10, 10, "a"), Cells.Count(10, 14, "b")]);

        Assert.Equal("all 2 cells with rows describe at least 10 persons", Finding(outcome, DisclosureRules.Threshold).Reason);
        Assert.Equal(0, outcome.Suppressed);
        Assert.Equal([10m, 14m], outcome.Values);
        Assert.Equal(DisclosureVerdict.Pass, outcome.Verdict);
    }

    [Fact]
    public void Check_SmallCellWithSuppressOff_FailsAndIsNotReleased()
    {
        var outcome = TableCheck.Check(Counts(suppress: false), [Cells.Count(9, 9, "a"), Cells.Count(10, 10, "b")]);

        var threshold = Finding(outcome, DisclosureRules.Threshold);
        Assert.Equal(DisclosureVerdict.Fail, threshold.Verdict);
        Assert.Equal("1 of 2 cells with rows describe fewer than 10 persons; suppress is off, so the table is not released", threshold.Reason);
        Assert.Equal(DisclosureVerdict.Fail, outcome.Verdict);
        Assert.False(outcome.Released);
    }

    [Fact]
    public void Check_ZeroCell_IsFlaggedForReview()
    {
        var outcome = TableCheck.Check(Counts(), [Cells.Count(0, 0, "a"), Cells.Count(12, 12, "b")]);

        var zeros = Finding(outcome, DisclosureRules.Zeros);
        Assert.Equal(DisclosureVerdict.Review, zeros.Verdict);
        Assert.StartsWith("1 of 2 cells is zero; review whether each is structural", zeros.Reason, StringComparison.Ordinal);
        Assert.Equal([0m, 12m], outcome.Values);
        Assert.Equal(DisclosureVerdict.Review, outcome.Verdict);
        Assert.True(outcome.Released);
    }

    [Fact]
    public void Check_NoZeroCell_PassesTheZerosRule()
    {
        var outcome = TableCheck.Check(Counts(), [Cells.Count(12, 12, "a")]);

        Assert.Equal(DisclosureVerdict.Pass, Finding(outcome, DisclosureRules.Zeros).Verdict);
    }

    [Fact]
    public void Check_Rounding_IsAppliedAfterTheChecks()
    {
        // Nine persons in 12 rows: the rounded count would read 10, yet the cell is suppressed on its persons.
        var outcome = TableCheck.Check(Counts(round: 5), [Cells.Count(9, 12, "a"), Cells.Count(10, 12, "b"), Cells.Count(13, 13, "c"), Cells.Count(0, 0, "d")]);

        Assert.Equal([null, 10m, 15m, 0m], outcome.Values);
        var rounding = Finding(outcome, DisclosureRules.Rounding);
        Assert.Equal("released values rounded to base 5, after the checks", rounding.Reason);
    }

    [Fact]
    public void Check_CountTable_HasNoDominanceOrPRatioFinding()
    {
        var outcome = TableCheck.Check(Counts(), [Cells.Count(12, 12, "a")]);

        Assert.DoesNotContain(outcome.Findings, f => f.Rule is DisclosureRules.Dominance or DisclosureRules.PRatio);
    }

    [Fact]
    public void Check_SumWithADominatedCell_SuppressesItAndSaysHowMany()
    {
        // Cell one: ten persons, one holding 1000 of 1009. Cell two: ten equal persons.
        TableCell[] cells = [Cells.Of([1000m, .. Enumerable.Repeat(1m, 9)]), Cells.Of([.. Enumerable.Repeat(5m, 10)])];

        var outcome = TableCheck.Check(Sums(), cells);

        var dominance = Finding(outcome, DisclosureRules.Dominance);
        Assert.Equal(DisclosureVerdict.Pass, dominance.Verdict);
        Assert.Equal("1 of 2 cells with rows have their 2 largest contributors holding more than 90 % of the cell's total; suppressed in the released table", dominance.Reason);
        Assert.StartsWith("1 of 2 cells with rows have a total less their two largest contributors under 10 %", Finding(outcome, DisclosureRules.PRatio).Reason, StringComparison.Ordinal);
        Assert.Equal(1, outcome.Suppressed);
        Assert.Equal([null, 50m], outcome.Values);
    }

    [Fact]
    public void Check_Mean_IsTheMeanOfTheValuesToTwoPlaces_OrRoundedToTheBase()
    {
        TableCell[] cells = [Cells.Of([.. Enumerable.Repeat(1m, 9), 2m, 2m])];

        Assert.Equal([1.18m], TableCheck.Check(Sums(AggregateStatistic.Mean), cells).Values);
        Assert.Equal([0m], TableCheck.Check(Sums(AggregateStatistic.Mean, round: 5), cells).Values);
    }

    [Fact]
    public void Check_Findings_NameTheTableFile()
    {
        var outcome = TableCheck.Check(Counts(), [Cells.Count(12, 12, "a")]);

        Assert.All(outcome.Findings, f => Assert.Equal("counts.csv", f.Subject));
    }
}
