using LinkService.Configuration.Projects;
using LinkService.Scheduling;
using LinkService.Tests.Support;
using Quartz;

namespace LinkService.Tests.Scheduling;

/// <summary>The trigger the scheduler builds for a project, its fire times computed by Quartz in the project's time zone.</summary>
public sealed class ProjectCronTests : IDisposable
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private readonly ServiceFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Trigger_Daily0130InLondonAcrossTheSpringChange_FiresOnceEveryDay()
    {
        var fires = FiresBetween(Daily0130InLondon(), new DateTimeOffset(2026, 3, 26, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero));

        // 29 March: the clocks go from 01:00 GMT to 02:00 BST, so 01:30 never happens there; it fires as the clocks move.
        Assert.Equal(
            ["2026-03-27 01:30 +00:00", "2026-03-28 01:30 +00:00", "2026-03-29 02:00 +01:00", "2026-03-30 01:30 +01:00", "2026-03-31 01:30 +01:00", "2026-04-01 01:30 +01:00"],
            fires);
    }

    [Fact]
    public void Trigger_Daily0130InLondonAcrossTheAutumnChange_FiresOnceEveryDay()
    {
        var fires = FiresBetween(Daily0130InLondon(), new DateTimeOffset(2026, 10, 22, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 28, 12, 0, 0, TimeSpan.Zero));

        // 25 October: 01:30 happens twice (BST, then GMT); it fires at the first only.
        Assert.Equal(
            ["2026-10-23 01:30 +01:00", "2026-10-24 01:30 +01:00", "2026-10-25 01:30 +01:00", "2026-10-26 01:30 +00:00", "2026-10-27 01:30 +00:00", "2026-10-28 01:30 +00:00"],
            fires);
    }

    [Theory]
    [InlineData("run-once", CronTriggerMisfireInstruction.FireAndProceed)]
    [InlineData("skip", CronTriggerMisfireInstruction.DoNothing)]
    public void Trigger_MisfirePolicy_IsQuartzsInstructionForAFireLateInTheService(string misfire, CronTriggerMisfireInstruction instruction)
    {
        var trigger = TriggerFor(project => project["misfire"] = misfire);

        Assert.Equal((int)instruction, (int)trigger.MisfireInstruction);
    }

    private ICronTrigger Daily0130InLondon() => TriggerFor(project =>
    {
        project["schedule"] = "0 30 1 * * ?";
        project["timeZone"] = "Europe/London";
    });

    private ICronTrigger TriggerFor(Action<System.Text.Json.Nodes.JsonNode> edit)
    {
        _folder.EditConfigJson(Path.Combine("projects", "reoffending-benefits.json"), edit);
        var project = _folder.LoadCatalog().Projects["reoffending-benefits"];
        return (ICronTrigger)TriggerBuilder.Create()
            .WithIdentity("test")
            .WithCronSchedule(project.Schedule!, cron => ProjectCron.Configure(cron, project))
            .StartAt(DateTimeOffset.UnixEpoch)
            .Build();
    }

    private static List<string> FiresBetween(ICronTrigger trigger, DateTimeOffset from, DateTimeOffset to)
    {
        var fires = new List<string>();
        for (var next = trigger.GetFireTimeAfter(from); next is { } fire && fire <= to; next = trigger.GetFireTimeAfter(fire))
        {
            fires.Add(TimeZoneInfo.ConvertTime(fire, London).ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture));
        }

        return fires;
    }
}
