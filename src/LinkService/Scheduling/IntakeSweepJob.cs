using LinkService.Intake.Hosting;
using Quartz;

namespace LinkService.Scheduling;

/// <summary>
/// Intake's periodic full sweep of every drop folder, as a Quartz job: a thin adapter onto <see cref="IntakeSweeps"/>,
/// which has intake's own loop run the pass (passes never overlap) and completes when it has.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class IntakeSweepJob(IntakeSweeps sweeps) : IJob
{
    public static readonly JobKey Key = new("intake-sweep", "intake");

    public static readonly TriggerKey TriggerKey = new("intake-sweep-every-interval", "intake");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sweeps.SweepAsync(cancellationToken);
}
