using LinkService.Outputs.Anonymising;

namespace LinkService.Outputs.Tests.Anonymising;

public sealed class RecordFileWriterSortTests
{
    [Fact]
    public void SortByValue_SmallValues_AreInTheirOrder()
    {
        UInt128[] values = [5, 3, 9, 0, 7];
        int[] kept = [0, 1, 2, 3, 4];

        var order = RecordFileWriter.SortByValue(kept, row => values[row]);

        Assert.Equal([3, 1, 0, 4, 2], kept);
        Assert.Equal([0, 3, 5, 7, 9], order);
    }

    [Fact]
    public void SortByValue_ValuesOfEightyBitsSomeEqualButForTheirLastBits_AreInTheOrderOfTheWholeValues()
    {
        // Values of up to 76 bits, many sharing their highest 64, and small ones.
        var random = new Random(7);
        var values = Enumerable.Range(0, 50_000).Select(i => i % 5 == 0
            ? (UInt128)(ulong)i
            : ((UInt128)(ulong)random.Next(0, 3_000) << 64) | ((UInt128)(ulong)random.Next(0, 8) << 16) | (uint)random.Next(0, 1 << 16)).Distinct().ToArray();
        var kept = Enumerable.Range(0, values.Length).Where(i => i % 3 != 1).ToArray();
        var expected = kept.OrderBy(row => values[row]).ToArray();

        var order = RecordFileWriter.SortByValue(kept, row => values[row]);

        Assert.Equal(expected, kept);
        Assert.Equal(expected.Select(row => values[row]), order);
    }
}
