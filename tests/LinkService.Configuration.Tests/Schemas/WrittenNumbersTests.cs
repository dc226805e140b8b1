using LinkService.Configuration.Schemas;

namespace LinkService.Configuration.Tests.Schemas;

public sealed class WrittenNumbersTests
{
    [Theory]
    [InlineData(null, null, null, "1.5e3", "1.5e3")]
    [InlineData(",", ".", true, "-1.234,5", "-1234.5")]
    [InlineData(",", null, true, "1.5", "1,5")]
    [InlineData(null, null, false, "£ +12.50 p.w.", "+12.50")]
    [InlineData(null, null, false, "c.5", ".5")]
    [InlineData(",", null, false, "EUR ,5", ".5")]
    [InlineData(",", ".", false, "EUR 1.234,5", "1234.5")]
    [InlineData(null, null, false, "no number", "")]
    public void TryInvariant_AsTheFieldWritesIt_IsTheNumbersInvariantText(string? decimalChar, string? groupChar, bool? bare, string cell, string expected)
    {
        Span<char> buffer = stackalloc char[WrittenNumbers.MaxLength];

        Assert.True(new WrittenNumbers(decimalChar, groupChar, bare).TryInvariant(cell, buffer, out var text));
        Assert.Equal(expected, text.ToString());
    }

    [Fact]
    public void TryInvariant_LongerThanTheBufferWhereACharacterMustChange_IsNotANumber()
    {
        Span<char> buffer = stackalloc char[WrittenNumbers.MaxLength];

        Assert.False(new WrittenNumbers(",", null, null).TryInvariant(new string('1', WrittenNumbers.MaxLength + 1), buffer, out _));
        Assert.True(new WrittenNumbers(null, null, null).TryInvariant(new string('1', WrittenNumbers.MaxLength + 1), buffer, out _));
    }

    [Theory]
    [InlineData("NaN", double.NaN)]
    [InlineData("INF", double.PositiveInfinity)]
    [InlineData("-INF", double.NegativeInfinity)]
    [InlineData("1e400", double.PositiveInfinity)]
    [InlineData("5.", 5.0)]
    public void TryNumber_TableSchemaNumber_IsItsValue(string invariant, double expected)
    {
        Assert.True(WrittenNumbers.TryNumber(invariant, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("Infinity")]
    [InlineData("inf")]
    [InlineData("+INF")]
    [InlineData("1e")]
    [InlineData("")]
    public void TryNumber_NotTableSchemasSpelling_IsNotANumber(string invariant) =>
        Assert.False(WrittenNumbers.TryNumber(invariant, out _));

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "INF")]
    [InlineData(double.NegativeInfinity, "-INF")]
    [InlineData(1e30, "1E+30")]
    [InlineData(-2.5e-30, "-2.5E-30")]
    [InlineData(0.1, "0.1")]
    public void Invariant_AnyValue_ReadsBackAsItself(double value, string expected)
    {
        var text = WrittenNumbers.Invariant(value);

        Assert.Equal(expected, text);
        Assert.True(WrittenNumbers.TryNumber(text, out var back));
        Assert.Equal(value, back);
    }

    [Theory]
    [InlineData("12.50", "12.50")]
    [InlineData("-79228162514264337593543950335", "-79228162514264337593543950335")]
    [InlineData("1e-28", "0.0000000000000000000000000001")]
    [InlineData("1e-30", null)]
    [InlineData("1.5e-28", null)]
    [InlineData("1e30", null)]
    [InlineData("INF", null)]
    [InlineData("NaN", null)]
    public void TryDecimal_WhereADecimalHoldsTheValue_KeepsItsDigits(string invariant, string? expected)
    {
        Assert.True(WrittenNumbers.TryNumber(invariant, out var value));

        var holds = WrittenNumbers.TryDecimal(invariant, value, out var exact);

        Assert.Equal(expected, holds ? exact.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }
}
