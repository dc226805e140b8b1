using LinkService.Linkage.Progress;

namespace LinkService.Progress;

/// <summary>
/// One run's progress, reported on a timer of the <see cref="TimeProvider"/>: at every tick, each stage that has ended
/// since the last (once), then the running one. Disposing it ends the last stage, reports it and closes the sink.
/// </summary>
internal sealed class ProgressReporter : IAsyncDisposable
{
    private readonly string _runId;
    private readonly string _project;
    private readonly IProgressSink _sink;
    private readonly TimeProvider _timeProvider;
    private readonly ITimer _timer;
    private readonly Lock _lock = new();
    private int _reported;
    private bool _closed;

    public ProgressReporter(string runId, string project, IProgressSink sink, TimeProvider timeProvider, TimeSpan interval)
    {
        _runId = runId;
        _project = project;
        _sink = sink;
        _timeProvider = timeProvider;
        Tracker = new ProgressTracker(timeProvider);
        _timer = timeProvider.CreateTimer(_ => Report(final: false), null, interval, interval);
    }

    /// <summary>What the run's work advances.</summary>
    public ProgressTracker Tracker { get; }

    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync();
        Tracker.Finish();
        Report(final: true);
    }

    private void Report(bool final)
    {
        lock (_lock)
        {
            if (_closed)
            {
                return;
            }

            try
            {
                var stages = Tracker.Stages;
                for (; _reported < stages.Count; _reported++)
                {
                    var report = ProgressReport.Of(stages[_reported], _timeProvider);
                    _sink.Report(_runId, _project, report);
                    if (!report.Finished)
                    {
                        break;
                    }
                }

                if (final)
                {
                    _closed = true;
                    _sink.Close();
                }
            }
            catch (IOException)
            {
                // Standard error went away (the reader of a pipe quit): progress is not worth failing the run for.
                _closed = true;
            }
        }
    }
}
