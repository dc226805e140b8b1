using LinkService.Validation.Cells;

namespace LinkService.Validation.Tests.Cells;

public sealed class FixedDatePatternTests
{
    [Theory]
    [InlineData("%d/%m/%Y", "29/02/2024", true)]
    [InlineData("%d/%m/%Y", "29/02/2023", false)]
    [InlineData("%d/%m/%Y", "31/02/1990", false)]
    [InlineData("%d/%m/%Y", "1/2/1990", false)]
    [InlineData("%d/%m/%Y", "01-02-1990", false)]
    [InlineData("%d/%m/%Y", "0a/02/1990", false)]
    [InlineData("%Y-%m-%d", "1990-12-31", true)]
    [InlineData("%Y-%m-%d", "1990-13-01", false)]
    [InlineData("%Y-%m-%d %H:%M:%S", "1990-12-31 23:59:59", true)]
    [InlineData("%Y-%m-%d %H:%M:%S", "1990-12-31 24:00:00", false)]
    public void TryParse_Cell_AcceptsOnlyRealDatesInThePattern(string pattern, string cell, bool expected)
    {
        var fixedPattern = FixedDatePattern.TryCreate(pattern)!;

        Assert.Equal(expected, fixedPattern.TryParse(cell, out _));
    }

    [Fact]
    public void TryParse_ValidDate_GivesTheDatesTicks()
    {
        Assert.True(FixedDatePattern.TryCreate("%d/%m/%Y")!.TryParse("13/07/1971", out var ticks));

        Assert.Equal(new DateTime(1971, 7, 13).Ticks, ticks);
    }

    [Theory]
    [InlineData("%d %B %Y")]
    [InlineData("%m/%Y")]
    [InlineData("%d/%d/%Y")]
    public void TryCreate_PatternBeyondFixedDigits_ReturnsNull(string pattern) =>
        Assert.Null(FixedDatePattern.TryCreate(pattern));
}
