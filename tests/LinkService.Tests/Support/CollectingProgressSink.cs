using System.Collections.Concurrent;
using LinkService.Progress;

namespace LinkService.Tests.Support;

/// <summary>Keeps every progress report, and whether the sink was closed.</summary>
internal sealed class CollectingProgressSink : IProgressSink
{
    public ConcurrentQueue<(string RunId, string Project, ProgressReport Report)> Reports { get; } = new();

    public bool Closed { get; private set; }

    public void Report(string runId, string project, ProgressReport report) => Reports.Enqueue((runId, project, report));

    public void Close() => Closed = true;
}
