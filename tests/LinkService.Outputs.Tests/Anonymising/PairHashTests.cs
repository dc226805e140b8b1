using LinkService.Outputs.Anonymising;

namespace LinkService.Outputs.Tests.Anonymising;

public sealed class PairHashTests
{
    [Fact]
    public void GetHashCode_PairsOfSmallIds_AreAlmostAllDistinct()
    {
        // A birth year's id and a postcode district's id, as k-anonymity pairs them at 1M rows.
        var pairs = from year in Enumerable.Range(0, 120) from district in Enumerable.Range(0, 3_000) select ((long)year << 32) | (uint)district;

        var codes = pairs.Select(PairHash.Instance.GetHashCode).Distinct().Count();

        Assert.True(codes > 359_000, $"{codes} distinct hash codes for 360,000 pairs");
    }
}
