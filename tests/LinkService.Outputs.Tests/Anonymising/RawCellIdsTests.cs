using System.Text;
using LinkService.Outputs.Anonymising;

namespace LinkService.Outputs.Tests.Anonymising;

public sealed class RawCellIdsTests
{
    [Fact]
    public void IdOf_CellsInTurn_NumbersEachNewOneNextAndKnowsAnOldOneAgain()
    {
        var ids = new RawCellIds();

        var first = ids.IdOf("JSA"u8, out var firstAdded);
        var second = ids.IdOf("\"JSA\""u8, out var secondAdded);
        var again = ids.IdOf("JSA"u8, out var againAdded);
        var empty = ids.IdOf([], out var emptyAdded);

        Assert.Equal((0, true), (first, firstAdded));
        Assert.Equal((1, true), (second, secondAdded));
        Assert.Equal((0, false), (again, againAdded));
        Assert.Equal((2, true), (empty, emptyAdded));
        Assert.Equal(3, ids.Count);
    }

    [Fact]
    public void IdOf_ManyDistinctCells_KeepsEveryNumberAsTheTableGrows()
    {
        var ids = new RawCellIds();
        var cells = Enumerable.Range(0, 100_000).Select(i => Encoding.UTF8.GetBytes($"{i * 7919 % 100_003:D6}£")).ToArray();

        var numbered = cells.Select(c => ids.IdOf(c, out _)).ToArray();
        var again = cells.Select(c => ids.IdOf(c, out var added) is var id && !added ? id : -1).ToArray();

        Assert.Equal(Enumerable.Range(0, cells.Length), numbered);
        Assert.Equal(numbered, again);
    }

    [Fact]
    public void IdOf_CellsOfEveryLengthAroundTheSlotsOwn_NumbersThemInOneOrderAndKnowsEachAgain()
    {
        // Cells of up to 11 bytes are held in their slots and longer ones apart: one numbering runs through both, and
        // a cell is told from one a byte longer or shorter (a trailing zero byte included).
        var ids = new RawCellIds();
        var cells = Enumerable.Range(0, 30_000)
            .Select(i => Encoding.UTF8.GetBytes(new string((char)('a' + (i % 26)), i % 17) + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)))
            .Concat([[], [0], [0, 0], [(byte)'A'], [(byte)'A', 0], "ABCDEFGHIJK"u8.ToArray(), "ABCDEFGHIJKL"u8.ToArray(), [.. "ABCDEFGHIJK"u8, 0]])
            .ToArray();

        var numbered = cells.Select(c => ids.IdOf(c, out var added) is var id && added ? id : -1).ToArray();
        var again = cells.Select(c => ids.IdOf(c, out var added) is var id && !added ? id : -1).ToArray();

        Assert.Equal(Enumerable.Range(0, cells.Length), numbered);
        Assert.Equal(numbered, again);
        Assert.Equal(cells.Length, ids.Count);
    }
}
