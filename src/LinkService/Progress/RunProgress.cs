using Microsoft.Extensions.Options;

namespace LinkService.Progress;

/// <summary>Starts the reporting of a run's progress to this process's sink (the log, or the <c>link</c> command's terminal).</summary>
internal sealed class RunProgress(IProgressSink sink, TimeProvider timeProvider, IOptions<ProgressOptions> options)
{
    public ProgressReporter Start(string runId, string project) => new(runId, project, sink, timeProvider, options.Value.Interval);
}
