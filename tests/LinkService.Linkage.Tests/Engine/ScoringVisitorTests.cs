using LinkService.Linkage.Engine;

namespace LinkService.Linkage.Tests.Engine;

public sealed class ScoringVisitorTests
{
    [Fact]
    public void GatherInOrder_WorkersPartsInAnyOrder_GivesEveryPairOnceInRecordOrder()
    {
        // Pairs of 400 records in a shuffled order, dealt into parts of uneven sizes (one empty) as the scoring pass's
        // workers leave them: more pairs than one range of the gather, so both cores take places.
        var random = new Random(7);
        var pairs = (from a in Enumerable.Range(0, 400) from b in Enumerable.Range(a + 1, 399 - a) select new TailPair(a, b, (a * 31 + b) % 17 - 8.5f)).ToArray();
        random.Shuffle(pairs);
        int[] sizes = [1, 0, 30_000, 7, 49_000];
        var parts = new List<List<TailPair>>();
        var taken = 0;
        foreach (var size in sizes.Append(pairs.Length - sizes.Sum()))
        {
            parts.Add([.. pairs.AsSpan(taken, size)]);
            taken += size;
        }

        var into = new List<TailPair>();

        ScoringVisitor.GatherInOrder(parts, into, p => (p.A, p.B));

        Assert.True(pairs.Length > Linkage.Data.Ranges.Size);
        Assert.Equal(pairs.OrderBy(p => p.A).ThenBy(p => p.B), into);
        Assert.Empty(parts);
    }
}
