using LinkService.Linkage.Blocking;

namespace LinkService.Linkage.Tests.Blocking;

public sealed class RadixSortTests
{
    // Blocks are runs of equal keys in record order: the sort must give exactly what a stable sort gives, for spread
    // hashes, large blocks, and different keys that share their top bits (one bucket holding two large blocks).
    [Theory]
    [InlineData(1)]
    [InlineData(1_000)]
    [InlineData(200_000)]
    public void Sort_KeysWithBlocks_GivesTheStableOrder(int count)
    {
        var random = new Random(count);
        var keys = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = random.Next(4) switch
            {
                0 => (ulong)random.NextInt64(),
                1 => 0xABCD_0000_0000_0000UL + (uint)random.Next(3),
                2 => (ulong)random.Next(50) << 40,
                _ => 42,
            };
        }

        var records = Enumerable.Range(0, count).ToArray();
        var expected = records.OrderBy(r => keys[r]).ToArray();

        RadixSort.Sort(keys, records, count);

        Assert.Equal(expected, records);
        Assert.True(keys.Zip(keys.Skip(1)).All(p => p.First <= p.Second));
    }
}
