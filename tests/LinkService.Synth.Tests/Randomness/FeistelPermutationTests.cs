using LinkService.Synth.Randomness;

namespace LinkService.Synth.Tests.Randomness;

public sealed class FeistelPermutationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1_000)]
    [InlineData(65_537)]
    public void Map_EveryIndex_GivesEachValueInRangeExactlyOnce(int size)
    {
        var permutation = new FeistelPermutation(size, 12345);

        var values = Enumerable.Range(0, size).Select(i => permutation.Map(i)).ToList();

        Assert.Equal(Enumerable.Range(0, size).Select(i => (long)i), values.Order());
    }

    [Fact]
    public void Map_DifferentKeys_GiveDifferentOrders()
    {
        var a = new FeistelPermutation(1_000, 1);
        var b = new FeistelPermutation(1_000, 2);

        var same = Enumerable.Range(0, 1_000).Count(i => a.Map(i) == b.Map(i));

        Assert.True(same < 20, $"{same} of 1000 positions agree");
    }
}
