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
    [InlineData("ABCDEF", "BADCFE", 3)]
    [InlineData("", "AB", 2)]
    public void DamerauLevenshtein_Transpositions_CountOnce(string a, string b, int distance) => Assert.Equal(distance, EditDistance.DamerauLevenshtein(a, b));

    // The unrestricted distance may edit a transposed pair again: CA → AC → ABC is two edits (optimal
    // string alignment, which may not, says three). Non-ASCII letters are compared like any other.
    [Theory]
    [InlineData("CA", "ABC", 2)]
    [InlineData("ÉA", "AXÉ", 2)]
    [InlineData("ABC", "CA", 2)]
    public void DamerauLevenshtein_EditAfterTransposition_CountsEachEdit(string a, string b, int distance) => Assert.Equal(distance, EditDistance.DamerauLevenshtein(a, b));

    // The comparisons ask "within one edit?" of every candidate pair: the one-scan answer must be the table's, exactly.
    [Fact]
    public void Within_AgreesWithTheDistance_OnEveryPairOfShortStrings()
    {
        var words = new List<string> { string.Empty };
        for (var length = 1; length <= 4; length++)
        {
            words.AddRange(words.Where(w => w.Length == length - 1).SelectMany(w => "ABC".Select(c => w + c)).ToList());
        }

        foreach (var a in words)
        {
            foreach (var b in words)
            {
                for (var max = 0; max <= 2; max++)
                {
                    Assert.Equal(EditDistance.DamerauLevenshtein(a, b) <= max, EditDistance.DamerauLevenshteinWithin(a, b, max));
                    Assert.Equal(EditDistance.Levenshtein(a, b) <= max, EditDistance.LevenshteinWithin(a, b, max));
                }
            }
        }
    }
}
