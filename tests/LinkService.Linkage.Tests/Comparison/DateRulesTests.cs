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

    [Theory]
    [InlineData(19890314, 19890315, true)]
    [InlineData(19890314, 19980314, true)]
    [InlineData(19890314, 19890341, true)]
    [InlineData(19890314, 91890314, true)]
    [InlineData(19890314, 19890314, false)]
    [InlineData(19890314, 19890325, false)]
    [InlineData(19890314, 19980315, false)]
    [InlineData(19890314, 18980314, false)]
    public void OneDigitOff_Dates_HoldsForOneDigitWrongOrTwoNeighboursSwapped(int a, int b, bool expected) =>
        Assert.Equal(expected, DateRules.OneDigitOff(a, b));

    // Every date against every date one or two digits away (and some further): the answer is the one read off the two
    // dates' eight digits as text.
    [Fact]
    public void OneDigitOff_AgreesWithTheDigitsAsText()
    {
        var random = new Random(9);
        for (var n = 0; n < 300; n++)
        {
            var a = random.Next(19000101, 20251231);
            var digits = DateRules.Digits(a);
            foreach (var b in Near(digits))
            {
                Assert.Equal(ByText(digits, DateRules.Digits(b)), DateRules.OneDigitOff(a, b));
            }
        }
    }

    private static IEnumerable<int> Near(string digits)
    {
        for (var i = 0; i < 8; i++)
        {
            for (var d = '0'; d <= '9'; d++)
            {
                var one = digits[..i] + d + digits[(i + 1)..];
                yield return int.Parse(one, System.Globalization.CultureInfo.InvariantCulture);
                for (var j = i + 1; j < 8; j += 3)
                {
                    yield return int.Parse(one[..j] + (char)('0' + ((one[j] - '0' + 1) % 10)) + one[(j + 1)..], System.Globalization.CultureInfo.InvariantCulture);
                }

                if (i < 7)
                {
                    yield return int.Parse(digits[..i] + digits[i + 1] + digits[i] + digits[(i + 2)..], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
    }

    private static bool ByText(string a, string b)
    {
        var differ = Enumerable.Range(0, 8).Where(i => a[i] != b[i]).ToList();
        return differ.Count == 1 || (differ is [var i, var j] && j == i + 1 && a[i] == b[j] && a[j] == b[i]);
    }
}
