using Quartz;

namespace LinkService.Linking;

/// <summary>The scheduled run of one project: a thin adapter onto <see cref="ProjectRunner"/>.</summary>
[DisallowConcurrentExecution]
internal sealed class LinkageJob : IJob
{
    public const string ProjectKey = "project";
    public const string Group = "linkage";

    private readonly ProjectRunner _runner;

    public LinkageJob(ProjectRunner runner) => _runner = runner;

    public static JobKey KeyFor(string project) => new($"link-{project}", Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var project = context.MergedJobDataMap.GetString(ProjectKey)
            ?? throw new JobExecutionException($"Job {context.JobDetail.Key} has no '{ProjectKey}' in its data.");
        await _runner.RunAsync(project, $"trigger {context.Trigger.Key.Name}", cancellationToken);
    }
}
