using LinkService.Outputs.Disclosure;

namespace LinkService.Outputs.Tests.Disclosure;

public sealed class CellTallyTests
{
    [Fact]
    public void Largest_ManyPersonsSomeNegativeSomeTied_AreTheFirstOfEveryMagnitudeSortedLargestFirst()
    {
        var random = new Random(7);
        var tally = new CellTally();
        var values = Enumerable.Range(0, 5_000).Select(_ => (random.Next(-40_000, 40_000) / 100m, random.Next(2_000))).ToList();
        // A person's rows come together, as GroupTally gives them.
        foreach (var (value, person) in values.OrderBy(v => v.Item2))
        {
            tally.Add(person, value);
        }

        var all = values.GroupBy(v => v.Item2).Select(g => Math.Abs(g.Sum(v => v.Item1))).OrderDescending().ToList();

        Assert.Equal(all.Take(TableCell.MostContributors), tally.Largest(TableCell.MostContributors));
        Assert.Equal(all.Sum(), tally.Magnitude());
        Assert.Equal([all[0], all[1]], tally.Largest(2));
    }
}
