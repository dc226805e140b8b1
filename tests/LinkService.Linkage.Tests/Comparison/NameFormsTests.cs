using LinkService.Linkage.Comparison;

namespace LinkService.Linkage.Tests.Comparison;

public sealed class NameFormsTests
{
    [Theory]
    [InlineData("JO", "JOANNE", true)]
    [InlineData("KATE", "KATHERINE", true)]
    [InlineData("SAMUEL", "SAM", true)]
    [InlineData("J", "JOHN", false)]
    [InlineData("JOHN", "JOSEPH", false)]
    [InlineData("JOHN", "JOHN", false)]
    public void ShortForm_NamePairs_HoldsForShortFormsOnly(string a, string b, bool expected) =>
        Assert.Equal(expected, NameForms.ShortForm(a, b));
}
