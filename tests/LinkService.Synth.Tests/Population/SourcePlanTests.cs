using LinkService.Synth.Tests.Support;

namespace LinkService.Synth.Tests.Population;

public sealed class SourcePlanTests
{
    [Theory]
    [InlineData(1_000L)]
    [InlineData(3_500L)]
    [InlineData(60_000L)]
    public void Records_ExactCount_EmitsExactlyThatMany(long count)
    {
        var plan = Plans.Default(10_000, justice: count).Sources[0];

        Assert.Equal(count, plan.Records().LongCount());
    }

    [Fact]
    public void Records_FirstPass_GivesEachPersonOfTheWindowOneFirstRecord()
    {
        var plan = Plans.Default(10_000).Sources[0];

        var first = plan.Records().Where(r => r.Copy == 0).Select(r => r.Person).ToList();

        Assert.Equal(plan.Size, first.Count);
        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.All(first, k => Assert.True(plan.Contains(k)));
    }

    [Fact]
    public void Records_ExtraRecords_ComeOnlyForPeopleWithExtrasAndAfterTheirFirst()
    {
        var plan = Plans.Default(10_000).Sources[1];

        var records = plan.Records().ToList();

        var extras = records.Where(r => r.Copy > 0).ToList();
        Assert.All(extras, r => Assert.InRange(r.Copy, 1, plan.ExtraRecords(r.Person)));
        Assert.Equal(records.Where(r => r.Copy == 0).Sum(r => plan.ExtraRecords(r.Person)), extras.Count);
        Assert.True(records.FindIndex(r => r.Copy > 0) >= plan.Size);
    }
}
