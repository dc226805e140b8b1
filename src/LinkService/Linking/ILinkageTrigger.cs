using Quartz;

namespace LinkService.Linking;

/// <summary>Starts a project's linkage job now, outside its schedule.</summary>
internal interface ILinkageTrigger
{
    Task TriggerNowAsync(string project, CancellationToken cancellationToken);
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
}
