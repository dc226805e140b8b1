using LinkService.Linkage.Similarity;

namespace LinkService.Linkage.Tests.Similarity;

public sealed class JaroWinklerTests
{
    // Winkler's published pairs.
    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.961)]
    [InlineData("DWAYNE", "DUANE", 0.840)]
    [InlineData("DIXON", "DICKSONX", 0.813)]
    [InlineData("JONES", "JOHNSON", 0.832)]
    public void Similarity_PublishedPairs_MatchToThreeDecimals(string a, string b, double expected) =>
        Assert.Equal(expected, JaroWinkler.Similarity(a, b), 3);

    [Fact]
    public void Similarity_LongCommonPrefix_CapsTheBonusAtFourCharacters()
    {
        var jaro = JaroWinkler.Jaro("ABCDEFGX", "ABCDEFGY");
        Assert.Equal(jaro + (0.4 * (1 - jaro)), JaroWinkler.Similarity("ABCDEFGX", "ABCDEFGY"), 10);
    }

    [Fact]
    public void Jaro_NothingInCommon_IsZero() => Assert.Equal(0.0, JaroWinkler.Jaro("ABC", "XYZ"));
}
