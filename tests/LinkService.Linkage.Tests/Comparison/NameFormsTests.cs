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

    [Theory]
    [InlineData("PAUL", "PAUL", true)]
    [InlineData("PAUL", "JAMES PAUL", true)]
    [InlineData("PAUL", "PAULINE", false)]
    public void IsWordOf_MiddleNames_FindsWholeWords(string word, string words, bool expected) =>
        Assert.Equal(expected, NameForms.IsWordOf(word, words));
}
