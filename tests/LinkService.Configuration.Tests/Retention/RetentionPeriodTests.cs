using LinkService.Configuration.Retention;

namespace LinkService.Configuration.Tests.Retention;

public sealed class RetentionPeriodTests
{
    [Theory]
    [InlineData("P90D", 0, 0, 90)]
    [InlineData("P6M", 0, 6, 0)]
    [InlineData("P7Y", 7, 0, 0)]
    [InlineData("P1Y6M", 1, 6, 0)]
    [InlineData("P12W", 0, 0, 84)]
    [InlineData("P2W3D", 0, 0, 17)]
    [InlineData("P0D", 0, 0, 0)]
    public void TryParse_IsoDurationInDays_ReadsEachPart(string text, int years, int months, int days) =>
        Assert.Equal(new RetentionPeriod(years, months, days), RetentionPeriod.TryParse(text));

    [Theory]
    [InlineData("90")]
    [InlineData("90.00:00:00")]
    [InlineData("P")]
    [InlineData("PT12H")]
    [InlineData("P1DT1H")]
    [InlineData("p90d")]
    [InlineData("P-1D")]
    [InlineData("P90D ")]
    [InlineData("")]
    public void TryParse_AnythingElse_IsRefused(string text) => Assert.Null(RetentionPeriod.TryParse(text));

    [Fact]
    public void EndsAfter_Months_CountOnTheCalendar()
    {
        var endOfJanuary = new DateTimeOffset(2027, 1, 31, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2027, 2, 28, 9, 0, 0, TimeSpan.Zero), RetentionPeriod.TryParse("P1M")!.EndsAfter(endOfJanuary));
        Assert.Equal(new DateTimeOffset(2027, 5, 1, 9, 0, 0, TimeSpan.Zero), RetentionPeriod.TryParse("P90D")!.EndsAfter(endOfJanuary));
    }

    [Theory]
    [InlineData("P90D", "P90D")]
    [InlineData("P12W", "P84D")]
    [InlineData("P1Y6M", "P1Y6M")]
    [InlineData("P0D", "P0D")]
    public void ToString_WritesTheIsoForm(string text, string written) => Assert.Equal(written, RetentionPeriod.TryParse(text)!.ToString());
}
