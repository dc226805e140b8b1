using LinkService.Configuration;
using LinkService.Configuration.Projects.Scheduling;
using LinkService.Linking;
using Microsoft.Extensions.Logging;

namespace LinkService.Scheduling;

/// <summary>
/// A fire of a project's schedule (or a catch-up after downtime): a run only if the project's <c>due</c> rule says so.
/// A fire that is not due starts nothing, makes no run folder, and says why and when the next fire is.
/// </summary>
internal sealed class ScheduledRun(ConfigCatalog catalog, ScheduleGate gate, ProjectRunner runner, LinkageSlot slot, TimeProvider timeProvider, ILogger<ScheduledRun> logger)
{
    public async Task<ProjectRunOutcome> RunIfDueAsync(string projectName, string trigger, CancellationToken cancellationToken)
    {
        // Judged once the slot is ours: a run of another project that ends meanwhile may have been the reason to wait.
        using var linking = await slot.TakeAsync(cancellationToken);
        if (!catalog.Projects.TryGetValue(projectName, out var project))
        {
            return await runner.RunAsync(projectName, trigger, cancellationToken);
        }

        var verdict = await gate.JudgeAsync(project, cancellationToken);
        if (!verdict.IsDue)
        {
            var next = ProjectSchedule.Of(project) is { } schedule && schedule.NextFireAfter(timeProvider.GetUtcNow()) is { } at ? schedule.InZone(at) : (DateTimeOffset?)null;
            Log.NotDue(logger, project.Name, verdict.Reason, next);
            return ProjectRunOutcome.NotStarted("not due: " + verdict.Reason);
        }

        Log.Due(logger, project.Name, verdict.Reason);
        return await runner.RunAsync(project.Name, trigger, cancellationToken);
    }
}
