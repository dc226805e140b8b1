using LinkService.Synth.Tests.Support;

namespace LinkService.Synth.Tests.Population;

public sealed class PopulationPlanTests
{
    [Fact]
    public void Create_DefaultShares_PutsAThirdInJusticeMostInWelfareAndMostOffendersInBoth()
    {
        var plan = Plans.Default(100_000);
        var (justice, welfare) = (plan.Sources[0], plan.Sources[1]);

        var both = Enumerable.Range(0, 100_000).Count(k => justice.Contains(k) && welfare.Contains(k));

        Assert.Equal(30_000, justice.Size);
        Assert.Equal(90_000, welfare.Size);
        Assert.Equal(24_000, both);
    }

    [Fact]
    public void Create_WindowsTooLargeForTheWantedOverlap_OverlapAsLittleAsPossible()
    {
        var plan = Plans.Default(10_000, justice: 6_000, welfare: 14_000);
        var (justice, welfare) = (plan.Sources[0], plan.Sources[1]);

        var both = Enumerable.Range(0, 10_000).Count(k => justice.Contains(k) && welfare.Contains(k));

        Assert.Equal(justice.Size + welfare.Size - 10_000, both);
    }

    [Fact]
    public void Create_ExactCounts_SizesWindowsForTheDepartmentsUsualDuplicates()
    {
        var plan = Plans.Default(1_000_000, justice: 111_200, welfare: 1_000_000);

        Assert.InRange(plan.Sources[0].Size, 99_000, 101_000);
        Assert.InRange(plan.Sources[1].Size, 680_000, 720_000);
    }
}
