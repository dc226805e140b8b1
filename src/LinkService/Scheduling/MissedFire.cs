using LinkService.Configuration.Projects;
using LinkService.Configuration.Projects.Scheduling;
using LinkService.Linking;
using Microsoft.Extensions.Logging;

namespace LinkService.Scheduling;

/// <summary>
/// A fire missed while the service was down. Quartz's store is in memory and starts afresh, so it knows nothing of
/// fires before the start: the ledger does. The project's last run began at <c>lastRun</c>; if its schedule fired after
/// that and before now, a fire was missed (or fired and was not due: either way the due rule decides again now).
/// </summary>
internal static class MissedFire
{
    /// <summary>The first fire after <paramref name="lastRun"/> if it is not after <paramref name="now"/>: a fire missed since.</summary>
    public static DateTimeOffset? Since(ProjectSchedule schedule, DateTimeOffset lastRun, DateTimeOffset now) =>
        schedule.NextFireAfter(lastRun) is { } missed && missed <= now ? missed : null;

    /// <summary>With <c>misfire: run-once</c>, triggers one run now (still subject to <c>due</c>); with <c>skip</c>, only says so.</summary>
    public static async Task CatchUpAsync(ProjectDefinition project, DateTimeOffset lastRun, DateTimeOffset now, ILinkageTrigger trigger, ILogger logger, CancellationToken cancellationToken)
    {
        if (ProjectSchedule.Of(project) is not { } schedule || Since(schedule, lastRun, now) is not { } missed)
        {
            return;
        }

        if (project.Misfire == MisfirePolicy.Skip)
        {
            var next = schedule.NextFireAfter(now) is { } at ? schedule.InZone(at) : (DateTimeOffset?)null;
            var missedThere = schedule.InZone(missed);
            Log.MissedAndSkipped(logger, project.Name, missedThere, next);
            return;
        }

        Linking.Log.CatchingUp(logger, project.Name, missed);
        await trigger.TriggerNowAsync(project.Name, cancellationToken);
    }
}
