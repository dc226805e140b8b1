using LinkService.Publishing;
using Microsoft.Extensions.Logging;
using LinkService.Scheduling;
using Quartz;

namespace LinkService.Linking;

/// <summary>
/// The scheduled run of one project: a thin adapter onto <see cref="ScheduledRun"/> (a run if it is due), or, triggered with a run id under
/// <see cref="ResumeKey"/>, onto <see cref="OutputPipeline.ResumeAsync"/>. One job per project, so its runs never overlap.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class LinkageJob : IJob
{
    public const string ProjectKey = "project";
    public const string ResumeKey = "resume";
    public const string Group = "linkage";

    private readonly ScheduledRun _runner;
    private readonly OutputPipeline _outputs;
    private readonly ILogger<LinkageJob> _logger;

    public LinkageJob(ScheduledRun runner, OutputPipeline outputs, ILogger<LinkageJob> logger)
    {
        _runner = runner;
        _outputs = outputs;
        _logger = logger;
    }

    public static JobKey KeyFor(string project) => new($"link-{project}", Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var project = context.MergedJobDataMap.GetString(ProjectKey)
            ?? throw new JobExecutionException($"Job {context.JobDetail.Key} has no '{ProjectKey}' in its data.");
        if (context.MergedJobDataMap.GetString(ResumeKey) is { } runId)
        {
            await _outputs.ResumeAsync(runId, cancellationToken);
            return;
        }

        // The time it was due at names one firing, whichever node of a cluster runs it.
        Log.JobFired(_logger, project, context.Trigger.Key.Name, context.ScheduledFireTimeUtc ?? context.FireTimeUtc);
        await _runner.RunIfDueAsync(project, $"trigger {context.Trigger.Key.Name}", cancellationToken);
    }
}
