using LinkService.Configuration.Projects;
using LinkService.Configuration.Projects.Scheduling;
using Quartz;

namespace LinkService.Scheduling;

/// <summary>
/// How a project's cron trigger reads its schedule: in the project's time zone (so a daily 01:30 stays 01:30 across
/// summer time, firing once a day), with Quartz's misfire instruction for the project's <c>misfire</c> policy (a fire
/// late because another linkage held the scheduler: once now, or not at all).
/// </summary>
internal static class ProjectCron
{
    public static void Configure(CronScheduleBuilder cron, ProjectDefinition project)
    {
        cron.InTimeZone(ProjectSchedule.Of(project)!.Zone);
        cron.WithMisfireInstruction(project.Misfire == MisfirePolicy.Skip ? CronTriggerMisfireInstruction.DoNothing : CronTriggerMisfireInstruction.FireAndProceed);
    }
}
