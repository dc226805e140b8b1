using LinkService.Outputs.Disclosure;

namespace LinkService.Outputs.Tests.Disclosure;

public sealed class GroupTallyTests
{
    [Fact]
    public void Cells_PersonsRowsInterleavedAcrossCells_CountEachPersonOnceAndTheirWholeContribution()
    {
        var tally = new GroupTally(1, rows: 2);
        var (a, b) = (tally.Label(0, "a"), tally.Label(0, "b"));

        // Person 0 has rows in both cells, between other persons' rows; more rows than the capacity given.
        tally.Add([a], 0, tally.Value("10"));
        tally.Add([b], 1, tally.Value("1"));
        tally.Add([a], 2, tally.Value("3"));
        tally.Add([b], 0, tally.Value("4"));
        tally.Add([a], 0, tally.Value("10"));
        tally.Add([a], 1, tally.Value(""));

        var cells = tally.Cells();

        var cellA = cells[["a"]];
        Assert.Equal((4L, 3, 3L, 23m), (cellA.Rows, cellA.Persons, cellA.Values, cellA.Total));
        Assert.Equal([20m, 3m, 0m], cellA.Largest(3));
        var cellB = cells[["b"]];
        Assert.Equal((2L, 2, 5m), (cellB.Rows, cellB.Persons, cellB.Total));
        Assert.Equal([4m, 1m], cellB.Largest(3));
    }

    [Fact]
    public void Add_TextThatIsNotANumber_IsCountedOnEveryRowThatHoldsIt()
    {
        var tally = new GroupTally(1);
        var group = tally.Label(0, "a");

        foreach (var text in new[] { "n/a", "5", "n/a", "", "n/a" })
        {
            tally.Add([group], 0, tally.Value(text));
        }

        Assert.Equal(3, tally.NotNumbers);
        Assert.Equal(5m, tally.Cells()[["a"]].Total);
    }

    /// <summary>A number column's specials and values beyond decimal, as the output stages write them, fail a magnitude table rather than drop out of it.</summary>
    [Theory]
    [InlineData("NaN")]
    [InlineData("INF")]
    [InlineData("-INF")]
    [InlineData("1E+30")]
    public void Value_NumberNoDecimalHolds_IsCountedAsNotANumber(string text)
    {
        var tally = new GroupTally(1);

        tally.Add([tally.Label(0, "a")], 0, tally.Value(text));

        Assert.Equal(1, tally.NotNumbers);
    }
}
