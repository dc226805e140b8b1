namespace LinkService.Linkage.Progress;

/// <summary>
/// How far a run's long work has got: its stages in order, the last one running. The work begins a stage and
/// advances it; a reporter reads <see cref="Stages"/> on its own clock. Work with nobody watching gets <see cref="None"/>.
/// </summary>
public sealed class ProgressTracker
{
    private readonly TimeProvider _timeProvider;
    private readonly bool _keeps;
    private readonly Lock _lock = new();
    private readonly List<StageProgress> _stages = [];

    public ProgressTracker(TimeProvider timeProvider)
        : this(timeProvider, keeps: true)
    {
    }

    private ProgressTracker(TimeProvider timeProvider, bool keeps)
    {
        _timeProvider = timeProvider;
        _keeps = keeps;
    }

    /// <summary>A tracker nobody reads: its stages count as usual but are not kept.</summary>
    public static ProgressTracker None { get; } = new(TimeProvider.System, keeps: false);

    /// <summary>Ends the running stage and begins the next, one that counts nothing.</summary>
    public StageProgress Begin(string stage) => Begin(stage, "", null);

    /// <summary>Ends the running stage and begins the next.</summary>
    /// <param name="stage">Its name, as the stage lines of the log name it.</param>
    /// <param name="unit">What it counts, plural ("records", "pairs").</param>
    /// <param name="total">How many it will count, where known.</param>
    public StageProgress Begin(string stage, string unit, long? total)
    {
        var now = _timeProvider.GetTimestamp();
        var begun = new StageProgress(stage, unit, total, now);
        if (!_keeps)
        {
            return begun;
        }

        lock (_lock)
        {
            EndRunning(now);
            _stages.Add(begun);
        }

        return begun;
    }

    /// <summary>Ends the running stage: the work is over.</summary>
    public void Finish()
    {
        lock (_lock)
        {
            EndRunning(_timeProvider.GetTimestamp());
        }
    }

    /// <summary>Every stage begun so far, in order.</summary>
    public IReadOnlyList<StageProgress> Stages
    {
        get
        {
            lock (_lock)
            {
                return [.. _stages];
            }
        }
    }

    private void EndRunning(long now)
    {
        if (_stages.Count > 0)
        {
            _stages[^1].End(now);
        }
    }
}
