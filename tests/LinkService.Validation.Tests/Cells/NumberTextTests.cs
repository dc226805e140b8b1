using LinkService.Validation.Cells;

namespace LinkService.Validation.Tests.Cells;

/// <summary>
/// Which number cells validation accepts, and as what: these held before the reading moved to
/// <c>WrittenNumbers</c> and must hold after it, so that the move changes no file's outcome.
/// </summary>
public sealed class NumberTextTests
{
    [Theory]
    [InlineData(".", null, true, "12.50", 12.5)]
    [InlineData(".", null, true, "+12.5", 12.5)]
    [InlineData(".", null, true, "-.5", -0.5)]
    [InlineData(".", null, true, "5.", 5.0)]
    [InlineData(".", null, true, "1.5E3", 1500.0)]
    [InlineData(".", null, true, "1e30", 1e30)]
    [InlineData(".", null, true, "1e-30", 1e-30)]
    [InlineData(".", null, true, "1e400", double.PositiveInfinity)]
    [InlineData(".", null, true, "-1e400", double.NegativeInfinity)]
    [InlineData(".", null, true, "INF", double.PositiveInfinity)]
    [InlineData(".", null, true, "-INF", double.NegativeInfinity)]
    [InlineData(".", null, true, "NaN", double.NaN)]
    [InlineData(",", ".", true, "1.234.567,5", 1234567.5)]
    [InlineData(",", " ", true, "1 234,5", 1234.5)]
    [InlineData(".", ",", true, "-1,234", -1234.0)]
    [InlineData(".", null, false, "£12.50", 12.5)]
    [InlineData(".", null, false, " 12.5 kg. ", 12.5)]
    [InlineData(".", null, false, "12.50-", 12.5)]
    [InlineData(".", null, false, "approx +3 each", 3.0)]
    [InlineData(".", null, false, "c.5", 0.5)]
    [InlineData(".", null, false, "(1e3 units)", 1000.0)]
    [InlineData(",", ".", false, "€ 1.234,50 p.m.", 1234.5)]
    public void TryNumber_AcceptedCell_IsTheNumberWritten(string decimalChar, string? groupChar, bool bare, string cell, double expected)
    {
        Assert.True(new NumberText(decimalChar, groupChar, bare).TryNumber(cell, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(".", null, true, "")]
    [InlineData(".", null, true, " 5")]
    [InlineData(".", null, true, "5 ")]
    [InlineData(".", null, true, "1,234")]
    [InlineData(".", null, true, "Infinity")]
    [InlineData(".", null, true, "inf")]
    [InlineData(".", null, true, "nan")]
    [InlineData(".", null, true, "1e")]
    [InlineData(".", null, true, "0x10")]
    [InlineData(",", null, true, "1.5")]
    [InlineData(".", null, false, "INF")]
    [InlineData(".", null, false, "-INF")]
    [InlineData(".", null, false, "no number")]
    [InlineData(".", null, false, "-£12.50")]
    [InlineData(".", null, false, "1 234")]
    [InlineData(".", null, false, "approx. 5")]
    public void TryNumber_NotANumberAsWritten_IsRejected(string decimalChar, string? groupChar, bool bare, string cell) =>
        Assert.False(new NumberText(decimalChar, groupChar, bare).TryNumber(cell, out _));

    [Fact]
    public void TryNumber_LongerThanTheBufferWhereACharacterMustChange_IsRejected()
    {
        var digits = new string('1', 200);

        Assert.True(new NumberText(".", null, true).TryNumber(digits, out _));
        Assert.False(new NumberText(",", null, true).TryNumber(digits, out _));
        Assert.True(new NumberText(",", null, true).TryNumber(new string('1', 128), out _));
    }

    [Theory]
    [InlineData(null, true, "-42", -42.0)]
    [InlineData(null, true, "+42", 42.0)]
    [InlineData(null, true, "007", 7.0)]
    [InlineData(null, true, "9223372036854775807", 9223372036854775807.0)]
    [InlineData(",", true, "1,234", 1234.0)]
    [InlineData(null, false, "12 yrs.", 12.0)]
    [InlineData(null, false, "aged 12-", 12.0)]
    public void TryInteger_AcceptedCell_IsTheIntegerWritten(string? groupChar, bool bare, string cell, double expected)
    {
        Assert.True(new NumberText(null, groupChar, bare).TryInteger(cell, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(null, true, "4.0")]
    [InlineData(null, true, "1e3")]
    [InlineData(null, true, "INF")]
    [InlineData(null, true, "9223372036854775808")]
    [InlineData(null, true, " 4")]
    [InlineData(null, true, "1,234")]
    [InlineData(null, false, "12.5 yrs")]
    public void TryInteger_NotAnIntegerAsWritten_IsRejected(string? groupChar, bool bare, string cell) =>
        Assert.False(new NumberText(null, groupChar, bare).TryInteger(cell, out _));
}
