using LinkService.Linkage.Similarity;

namespace LinkService.Linkage.Tests.Similarity;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("KITTEN", "SITTING", 3)]
    [InlineData("", "ABC", 3)]
    [InlineData("SMITH", "SMITH", 0)]
    [InlineData("CA", "AC", 2)]
    public void Levenshtein_KnownPairs_GiveTheirDistance(string a, string b, int distance) => Assert.Equal(distance, EditDistance.Levenshtein(a, b));

    [Theory]
    [InlineData("CA", "AC", 1)]
    [InlineData("JOHNSON", "JONHSON", 1)]
    [InlineData("KITTEN", "SITTING", 3)]
    public void DamerauLevenshtein_Transpositions_CountOnce(string a, string b, int distance) => Assert.Equal(distance, EditDistance.DamerauLevenshtein(a, b));
}
