using LinkService.Intake.Scanning;
using Microsoft.Extensions.Time.Testing;

namespace LinkService.Intake.Tests.Scanning;

public sealed class CompletionTrackerTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void QuietAt_UnchangedFile_StaysAtFirstSightingPlusQuietPeriod()
    {
        var tracker = new CompletionTracker(_time);
        var start = _time.GetUtcNow();

        tracker.QuietAt(Entry(10, start), Quiet);
        _time.Advance(TimeSpan.FromSeconds(7));

        Assert.Equal(start + Quiet, tracker.QuietAt(Entry(10, start), Quiet));
    }

    [Fact]
    public void QuietAt_SizeOrTimeChanged_RestartsTheQuietPeriod()
    {
        var tracker = new CompletionTracker(_time);
        var modified = _time.GetUtcNow();
        tracker.QuietAt(Entry(10, modified), Quiet);
        _time.Advance(TimeSpan.FromSeconds(7));

        var afterGrowth = tracker.QuietAt(Entry(20, modified), Quiet);
        _time.Advance(TimeSpan.FromSeconds(1));
        var afterTouch = tracker.QuietAt(Entry(20, modified.AddSeconds(8)), Quiet);

        Assert.Equal(modified.AddSeconds(7) + Quiet, afterGrowth);
        Assert.Equal(modified.AddSeconds(8) + Quiet, afterTouch);
    }

    [Fact]
    public void QuietAt_OldModificationTimeOnFirstSighting_StillWaitsTheWholePeriod()
    {
        var tracker = new CompletionTracker(_time);

        var quietAt = tracker.QuietAt(Entry(10, _time.GetUtcNow().AddDays(-3)), Quiet);

        Assert.Equal(_time.GetUtcNow() + Quiet, quietAt);
    }

    [Fact]
    public void KeepOnly_FileNoLongerSeen_IsForgottenSoItsReturnStartsAfresh()
    {
        var tracker = new CompletionTracker(_time);
        var entry = Entry(10, _time.GetUtcNow());
        tracker.QuietAt(entry, Quiet);
        _time.Advance(TimeSpan.FromSeconds(20));

        tracker.KeepOnly("/drop/justice", []);

        Assert.Equal(_time.GetUtcNow() + Quiet, tracker.QuietAt(entry, Quiet));
    }

    private static DropEntry Entry(long length, DateTimeOffset modified) => new("/drop/justice/offenders_1.csv", "offenders_1.csv", length, modified, IsLink: false, HasOtherNames: false);
}
