using LinkService.Linkage.Comparison;
using LinkService.Linkage.Data;

namespace LinkService.Linkage.Tests.Comparison;

public sealed class WordIdsTests
{
    [Theory]
    [InlineData("PAUL", "PAUL", true)]
    [InlineData("PAUL", "JAMES PAUL", true)]
    [InlineData("PAUL", "PAULINE", false)]
    [InlineData("PAUL", "JAMES  PAULINE", false)]
    public void Contains_MiddleNames_FindsWholeWords(string word, string words, bool expected)
    {
        var forenames = new ValuePool();
        var forename = forenames.Intern(word);
        forenames.Intern("JAMES");
        var middles = new ValuePool();
        var middle = middles.Intern(words);

        Assert.Equal(expected, new WordIds(middles, forenames).Contains(middle, forename));
    }

    [Fact]
    public void Contains_OnePoolForBoth_FindsWholeWords()
    {
        var names = new ValuePool();
        var paul = names.Intern("PAUL");
        var middle = names.Intern("JAMES PAUL");
        var other = names.Intern("PAULINE");

        var words = new WordIds(names, names);

        Assert.True(words.Contains(middle, paul));
        Assert.False(words.Contains(other, paul));
    }
}
