using LinkService.Outputs.Disclosure;
using LinkService.Outputs.Stages;

namespace LinkService.Outputs.Tests.Disclosure;

public sealed class VerdictsTests
{
    [Fact]
    public void Worst_NoFindings_IsPass()
    {
        Assert.Equal(DisclosureVerdict.Pass, Verdicts.Worst([]));
    }

    [Theory]
    [InlineData(new[] { DisclosureVerdict.Pass, DisclosureVerdict.Pass }, DisclosureVerdict.Pass)]
    [InlineData(new[] { DisclosureVerdict.Pass, DisclosureVerdict.Review, DisclosureVerdict.Pass }, DisclosureVerdict.Review)]
    [InlineData(new[] { DisclosureVerdict.Review, DisclosureVerdict.Fail, DisclosureVerdict.Pass }, DisclosureVerdict.Fail)]
    [InlineData(new[] { DisclosureVerdict.Fail, DisclosureVerdict.Review }, DisclosureVerdict.Fail)]
    public void Worst_IsTheWorstOfTheFindings(DisclosureVerdict[] verdicts, DisclosureVerdict expected)
    {
        Assert.Equal(expected, Verdicts.Worst(verdicts.Select(v => new DisclosureFinding("t.csv", "rule", v, "reason"))));
    }
}
