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
}
