using LinkService.Outputs.Disclosure;

namespace LinkService.Outputs.Tests.Disclosure;

public sealed class RoundingTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("2", "0")]
    [InlineData("2.4999", "0")]
    [InlineData("2.5", "5")]
    [InlineData("7.4999", "5")]
    [InlineData("7.5", "10")]
    [InlineData("12", "10")]
    [InlineData("12.5", "15")]
    [InlineData("13", "15")]
    [InlineData("15", "15")]
    [InlineData("-12.5", "-15")]
    [InlineData("-12", "-10")]
    public void ToBase_Five_RoundsToTheNearestMultiple_HalvesAwayFromZero(string value, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Rounding.ToBase(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), 5));
    }

    [Fact]
    public void ToBase_Ten_RoundsToTens()
    {
        Assert.Equal(20m, Rounding.ToBase(15m, 10));
        Assert.Equal(10m, Rounding.ToBase(14.9m, 10));
    }
}
