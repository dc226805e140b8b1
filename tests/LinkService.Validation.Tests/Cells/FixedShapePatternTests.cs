using System.Text.RegularExpressions;
using LinkService.Validation.Cells;

namespace LinkService.Validation.Tests.Cells;

public sealed class FixedShapePatternTests
{
    private static readonly string[] Cells =
    [
        "", "OFF12345678", "OFF1234567", "OFF123456789", "off12345678", "OFF1234567X", "C123456789", "AB123456C", "AB123456E",
        "ab123456C", "A-1", "A.1", "AX1", "P000001", "P00000١", "12-34", "1234",
    ];

    [Theory]
    [InlineData("OFF[0-9]{8}")]
    [InlineData("C[0-9]{9}")]
    [InlineData("[A-Z]{2}[0-9]{6}[A-D]")]
    [InlineData(@"A\.1")]
    [InlineData("A-1")]
    [InlineData("[0-9]{2}-[0-9]{2}")]
    public void IsMatch_FixedShape_AgreesWithTheRegularExpression(string pattern)
    {
        var shape = FixedShapePattern.TryCreate(pattern);
        var regex = new Regex($@"\A(?:{pattern})\z", RegexOptions.CultureInvariant);

        Assert.NotNull(shape);
        Assert.All(Cells, cell => Assert.Equal(regex.IsMatch(cell), shape.IsMatch(cell)));
    }

    [Theory]
    [InlineData("[0-9]+")]
    [InlineData("A|B")]
    [InlineData("[^0-9]{2}")]
    [InlineData("A.B")]
    [InlineData("(AB){2}")]
    [InlineData("[0-9]{2,4}")]
    [InlineData(@"\w{3}")]
    [InlineData(@"P\d{6}")]
    public void TryCreate_PatternBeyondFixedShape_LeavesItToRegex(string pattern) =>
        Assert.Null(FixedShapePattern.TryCreate(pattern));
}
