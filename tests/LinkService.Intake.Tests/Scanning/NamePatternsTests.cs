using LinkService.Intake.Scanning;

namespace LinkService.Intake.Tests.Scanning;

public sealed class NamePatternsTests
{
    private readonly NamePatterns _temporary = new(IntakeOptions.DefaultTemporaryPatterns);

    [Theory]
    [InlineData(".offenders_1.csv.swp")]
    [InlineData("offenders_1.csv.part")]
    [InlineData("offenders_1.csv.FILEPART")]
    [InlineData("upload.tmp")]
    public void Matches_NamesUploadsUseWhileInProgress_AreTemporary(string name) => Assert.True(_temporary.Matches(name));

    [Theory]
    [InlineData("offenders_1.csv")]
    [InlineData("offenders_1.csv.gz")]
    [InlineData("partial.csv")]
    [InlineData("tmp.csv")]
    public void Matches_DeliveredNames_AreNotTemporary(string name) => Assert.False(_temporary.Matches(name));

    [Fact]
    public void Matches_QuestionMark_MatchesExactlyOneCharacter()
    {
        var patterns = new NamePatterns(["~?.csv"]);

        Assert.True(patterns.Matches("~1.csv"));
        Assert.False(patterns.Matches("~12.csv"));
    }
}
