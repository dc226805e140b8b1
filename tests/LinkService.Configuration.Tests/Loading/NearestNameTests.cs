using LinkService.Configuration.Loading;

namespace LinkService.Configuration.Tests.Loading;

public sealed class NearestNameTests
{
    [Theory]
    [InlineData("jarowinkler", "jaro-winkler")]
    [InlineData("JaroWinkler", "jaro-winkler")]
    [InlineData("levenstein", "levenshtein")]
    [InlineData("Wrok", "work")]
    public void Find_CloseMisspelling_IsTheKnownName(string given, string expected) =>
        Assert.Equal(expected, NearestName.Find(given, ["exact", "jaro-winkler", "jaro", "levenshtein", "work", "drop"]));

    [Fact]
    public void Find_NothingClose_IsNull() =>
        Assert.Null(NearestName.Find("telephone", ["exact", "jaro-winkler", "soundex"]));
}
