using LinkService.Linkage.Comparison;

namespace LinkService.Linkage.Tests.Comparison;

public sealed class DateRulesTests
{
    [Theory]
    [InlineData(19890314, 19900314, true)]
    [InlineData(19990101, 20000101, true)]
    [InlineData(19890314, 19910314, false)]
    [InlineData(19890314, 19900315, false)]
    public void YearOffByOne_Dates_HoldsWhenOnlyTheYearIsOneApart(int a, int b, bool expected) =>
        Assert.Equal(expected, DateRules.YearOffByOne(a, b));
}
