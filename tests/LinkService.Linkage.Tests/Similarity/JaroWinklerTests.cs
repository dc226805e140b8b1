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

    [Fact]
    public void Jaro_NamesUpToSixtyFourCharacters_ScoreAsTheArrayScanScoresThem()
    {
        // Short values are scanned with bit masks: the same matches and transpositions, so the same value to the bit.
        var random = new Random(5);
        for (var n = 0; n < 20_000; n++)
        {
            var a = Name(random);
            var b = random.Next(3) == 0 ? Typo(a, random) : Name(random);
            var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);

            Assert.Equal(JaroWinkler.JaroOfLong(shorter, longer), JaroWinkler.JaroOfShort(shorter, longer));
        }
    }

    [Fact]
    public void Jaro_ValuesLongerThanSixtyFourCharacters_StillFindTheirMatches()
    {
        var a = new string('A', 70) + "MARTHA";
        var b = new string('A', 70) + "MARHTA";

        Assert.Equal(JaroWinkler.JaroOfLong(a, b), JaroWinkler.Jaro(a, b));
        Assert.True(JaroWinkler.Jaro(a, b) > 0.99);
    }

    private static string Name(Random random) => new([.. Enumerable.Range(0, random.Next(1, 65)).Select(_ => (char)('A' + random.Next(random.Next(2) == 0 ? 4 : 26)))]);

    private static string Typo(string name, Random random)
    {
        var chars = name.ToCharArray();
        var at = random.Next(chars.Length);
        if (at + 1 < chars.Length && random.Next(2) == 0)
        {
            (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
        }
        else
        {
            chars[at] = (char)('A' + random.Next(26));
        }

        return new string(chars);
    }
}
