namespace LinkService.Linkage.Progress;

/// <summary>
/// One stage of long work and how many of its units (records, pairs, values) are done. Workers call
/// <see cref="Advance"/> once per batch, from any thread: one interlocked add, cheap enough for a hot loop's batch
/// boundary (never per pair).
/// </summary>
public sealed class StageProgress
{
    private long _done;
    private long _ended;

    internal StageProgress(string name, string unit, long? total, long started)
    {
        Name = name;
        Unit = unit;
        Total = total;
        Started = started;
    }

    /// <summary>The stage's name, as the stage lines of the log name it ("compare and score").</summary>
    public string Name { get; }

    /// <summary>What is counted, plural ("records", "pairs").</summary>
    public string Unit { get; }

    /// <summary>How many units the stage has in all, where that is known before it ends.</summary>
    public long? Total { get; }

    /// <summary>When it began, as a <see cref="TimeProvider"/> timestamp.</summary>
    public long Started { get; }

    /// <summary>When it ended (a timestamp), or null while it runs.</summary>
    public long? Ended => Volatile.Read(ref _ended) is var ended and not 0 ? ended : null;

    public long Done => Interlocked.Read(ref _done);

    public void Advance(long count) => Interlocked.Add(ref _done, count);

    internal void End(long timestamp) => Interlocked.CompareExchange(ref _ended, Math.Max(timestamp, 1), 0);
}
