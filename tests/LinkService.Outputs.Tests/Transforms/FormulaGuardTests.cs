using LinkService.Outputs.Transforms;

namespace LinkService.Outputs.Tests.Transforms;

public sealed class FormulaGuardTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"x\")")]
    [InlineData("+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tcmd")]
    [InlineData("\rcmd")]
    public void Neutralise_TextAFormulaWouldStartWith_GetsALeadingApostrophe(string text) =>
        Assert.Equal("'" + text, FormulaGuard.Neutralise(text));

    [Theory]
    [InlineData("")]
    [InlineData("a=b")]
    [InlineData(" =1")]
    [InlineData("'=1")]
    [InlineData("theft")]
    public void Neutralise_OtherText_IsUnchanged(string text) =>
        Assert.Equal(text, FormulaGuard.Neutralise(text));
}
