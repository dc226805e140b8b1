using Microsoft.Extensions.Logging;

namespace LinkService.Progress;

/// <summary>
/// The service's progress: a log line for the running stage at every tick. A stage's end is already in the log
/// (each stage logs what it did and how long it took), so ended stages add nothing here.
/// </summary>
internal sealed class LogProgressSink(ILogger<LogProgressSink> logger) : IProgressSink
{
    public void Report(string runId, string project, ProgressReport report)
    {
        if (report.Finished)
        {
            return;
        }

        var seconds = report.Elapsed.TotalSeconds;
        if (!report.Counts)
        {
            Log.StageRunning(logger, runId, project, report.Stage, seconds);
        }
        else if (report is { Total: { } total, Percent: { } percent, Remaining: { } left })
        {
            Log.StageProgress(logger, runId, project, report.Stage, report.Done, total, report.Unit, percent, report.Rate, left.TotalSeconds);
        }
        else
        {
            Log.StageCount(logger, runId, project, report.Stage, report.Done, report.Unit, report.Rate, seconds);
        }
    }

    public void Close()
    {
    }
}
