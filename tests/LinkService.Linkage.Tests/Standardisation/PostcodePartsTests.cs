using LinkService.Linkage.Standardisation;

namespace LinkService.Linkage.Tests.Standardisation;

public sealed class PostcodePartsTests
{
    [Theory]
    [InlineData("SW1A 1AA", "SW", "SW1A", "SW1A 1")]
    [InlineData("M1 1AE", "M", "M1", "M1 1")]
    [InlineData("EH10 4BF", "EH", "EH10", "EH10 4")]
    public void Parts_UkPostcode_GiveAreaDistrictAndSector(string postcode, string area, string district, string sector)
    {
        Assert.Equal(area, PostcodeParts.Area(postcode));
        Assert.Equal(district, PostcodeParts.District(postcode));
        Assert.Equal(sector, PostcodeParts.Sector(postcode));
    }

    [Theory]
    [InlineData("SW1A1AA", "SW1A 1AA")]
    [InlineData("M11AE", "M1 1AE")]
    [InlineData("4223", "4223")]
    public void FromCompact_CompactFormOnePlaceFurtherOnInItsOwnBuffer_IsNormalisedInPlace(string compact, string expected)
    {
        // How a code is standardised without a string: compacted into the buffer from its second place, normalised from its first.
        var buffer = new char[compact.Length + 1];
        compact.CopyTo(buffer.AsSpan(1));

        var length = PostcodeParts.FromCompact(buffer.AsSpan(1), buffer);

        Assert.Equal(expected, new string(buffer, 0, length));
        Assert.Equal(expected, PostcodeParts.FromCompact(compact.AsSpan()));
    }
}
