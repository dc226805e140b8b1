using Quartz;

namespace LinkService.Retention;

/// <summary>The scheduled retention pass: a thin adapter onto <see cref="RetentionSweep"/>; never two at once.</summary>
[DisallowConcurrentExecution]
internal sealed class RetentionJob(RetentionSweep sweep) : IJob
{
    public const string Group = "retention";

    public static readonly JobKey Key = new("retention", Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await sweep.RunAsync(cancellationToken);
}
