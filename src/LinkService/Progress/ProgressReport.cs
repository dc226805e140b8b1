using LinkService.Linkage.Progress;

namespace LinkService.Progress;

/// <summary>
/// A stage's progress as read at one moment: what is done, and from the stage's average rate so far, how long the
/// rest should take. Percentage and time left only where the stage knows its total.
/// </summary>
internal sealed record ProgressReport(string Stage, string Unit, long Done, long? Total, TimeSpan Elapsed, bool Finished)
{
    public bool Counts => Unit.Length > 0;

    public double? Percent => Total is > 0 and var total ? Math.Min(100, 100.0 * Done / total) : null;

    /// <summary>Units a second, over the stage so far.</summary>
    public double Rate => Elapsed > TimeSpan.Zero ? Done / Elapsed.TotalSeconds : 0;

    public TimeSpan? Remaining => Total is { } total && !Finished && Rate > 0
        ? TimeSpan.FromSeconds(Math.Max(0, total - Done) / Rate)
        : null;

    public static ProgressReport Of(StageProgress stage, TimeProvider timeProvider)
    {
        // Read before the end: a stage that ends between the two reads is reported as running, never with a stale count.
        var done = stage.Done;
        var ended = stage.Ended;
        var elapsed = timeProvider.GetElapsedTime(stage.Started, ended ?? timeProvider.GetTimestamp());
        return new ProgressReport(stage.Name, stage.Unit, ended is null ? done : stage.Done, stage.Total, elapsed, ended is not null);
    }
}
