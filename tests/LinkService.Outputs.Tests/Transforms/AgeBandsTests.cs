using LinkService.Outputs.Transforms;

namespace LinkService.Outputs.Tests.Transforms;

public sealed class AgeBandsTests
{
    private static readonly DateOnly Birth = new(1990, 6, 15);

    [Theory]
    [InlineData("2020-06-14", 29)]
    [InlineData("2020-06-15", 30)]
    [InlineData("1990-06-15", 0)]
    [InlineData("1990-06-14", -1)]
    public void Age_CountsCompletedYearsFromTheBirthdayItself(string at, int expected) =>
        Assert.Equal(expected, AgeBands.Age(Birth, DateOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2023-02-28", 22)]
    [InlineData("2023-03-01", 23)]
    [InlineData("2024-02-29", 24)]
    public void Age_LeapDayBirth_TurnsOlderOnTheFirstOfMarchInOtherYears(string at, int expected) =>
        Assert.Equal(expected, AgeBands.Age(new DateOnly(2000, 2, 29), DateOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2020-06-14", 10, "20-29")]
    [InlineData("2020-06-15", 10, "30-39")]
    [InlineData("2025-06-14", 5, "30-34")]
    [InlineData("2025-06-15", 5, "35-39")]
    [InlineData("2020-06-15", 1, "30")]
    [InlineData("1990-06-15", 10, "0-9")]
    public void Band_PutsAgesOnEitherSideOfABandEdgeInTheirBands(string at, int width, string expected) =>
        Assert.Equal(expected, AgeBands.Band(Birth, DateOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture), width));

    [Fact]
    public void Band_DateBeforeBirth_HasNoBand() =>
        Assert.Null(AgeBands.Band(Birth, new DateOnly(1990, 6, 14), 10));
}
