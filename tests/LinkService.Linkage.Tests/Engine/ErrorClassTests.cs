using LinkService.Linkage.Tests.Support;

namespace LinkService.Linkage.Tests.Engine;

/// <summary>Issue 11's error classes: a justice–welfare pair of one person differing only in that way, linked by the default project.</summary>
public sealed class ErrorClassTests(ErrorClassPopulation population, ITestOutputHelper output) : IClassFixture<ErrorClassPopulation>
{
    [Theory]
    [InlineData("common-name-new-postcode")]
    [InlineData("dob-year-off-by-one")]
    [InlineData("dob-day-month-swapped")]
    [InlineData("short-forename-jo")]
    [InlineData("short-forename-kate")]
    [InlineData("forename-as-middle-name")]
    [InlineData("names-swapped-with-typo")]
    [InlineData("alias-forename")]
    [InlineData("sex-differs")]
    [InlineData("ni-transposed")]
    public void Run_PairDifferingOnlyByTheErrorClass_IsLinked(string pair)
    {
        output.WriteLine(population.Describe(pair));
        Assert.True(population.Linked(pair), $"{pair}: not linked{(population.Reviewed(pair) ? " (sent to review)" : string.Empty)}");
    }

    [Fact]
    public void Run_MarriedSurnameWithForenameAndDateOfBirthEqual_IsLinkedOrSentToReview()
    {
        output.WriteLine(population.Describe("married-surname"));
        Assert.True(population.Linked("married-surname") || population.Reviewed("married-surname"));
    }

    [Fact]
    public void Run_DifferentPeopleSharingACommonNameAndBirthYear_AreNotLinked()
    {
        output.WriteLine(population.Describe(ErrorClassPairs.DifferentPeople));
        Assert.False(population.Linked(ErrorClassPairs.DifferentPeople));
    }
}
