using Quartz;

namespace LinkService.Linking;

/// <summary>Starts a project's linkage job now, outside its schedule, or to resume one of its runs.</summary>
internal interface ILinkageTrigger
{
    Task TriggerNowAsync(string project, CancellationToken cancellationToken);

    /// <summary>Runs the project's job now to resume <paramref name="runId"/>, abandoned after it linked, rather than link anew.</summary>
    Task ResumeNowAsync(string project, string runId, CancellationToken cancellationToken);
}

/// <summary>
/// Quartz's scheduler fires the job. A trigger made before the scheduler starts is kept and fires once it
/// starts, so recovery at start-up need not wait for it.
/// </summary>
internal sealed class QuartzLinkageTrigger : ILinkageTrigger
{
    private readonly ISchedulerFactory _schedulerFactory;

    public QuartzLinkageTrigger(ISchedulerFactory schedulerFactory) => _schedulerFactory = schedulerFactory;

    public async Task TriggerNowAsync(string project, CancellationToken cancellationToken)
    {
        var scheduler = await _schedulerFactory.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(LinkageJob.KeyFor(project), cancellationToken);
    }

    public async Task ResumeNowAsync(string project, string runId, CancellationToken cancellationToken)
    {
        var scheduler = await _schedulerFactory.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(LinkageJob.KeyFor(project), new JobDataMap { [LinkageJob.ResumeKey] = runId }, cancellationToken);
    }
}
