using LinkService.Synth.Tests.Support;

namespace LinkService.Synth.Tests;

public sealed class SynthOptionsTests
{
    [Fact]
    public void Validate_Defaults_HaveNoProblems() => Assert.Empty(new SynthOptions().Validate(DefaultConfig.Catalog));

    [Fact]
    public void Validate_NoPeople_SaysSo()
    {
        var problems = new SynthOptions { People = 0 }.Validate(DefaultConfig.Catalog);

        Assert.Contains("people must be at least 1", problems);
    }

    [Fact]
    public void Validate_MoreRecordsThanThePopulationCanHold_SaysHowManyPeopleAreNeeded()
    {
        var options = new SynthOptions { People = 1_000_000, RecordsPerSource = new Dictionary<string, long> { ["justice"] = 1_000_000, ["welfare"] = 3_000_000 } };

        var problem = Assert.Single(options.Validate(DefaultConfig.Catalog));

        Assert.Contains("3,000,000 records of source 'welfare' need a population of at least 2,", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NegativeCountAndUnknownSource_ReportsBoth()
    {
        var options = new SynthOptions { RecordsPerSource = new Dictionary<string, long> { ["justice"] = -1, ["health"] = 5 } };

        var problems = options.Validate(DefaultConfig.Catalog);

        Assert.Equal(2, problems.Count);
    }
}
