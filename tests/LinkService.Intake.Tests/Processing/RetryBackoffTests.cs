using LinkService.Intake.Processing;
using Microsoft.Extensions.Time.Testing;

namespace LinkService.Intake.Tests.Processing;

public sealed class RetryBackoffTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Failed_RepeatedFailures_DoubleTheWaitUpToAnHour()
    {
        var backoff = new RetryBackoff(_time);
        var start = _time.GetUtcNow();

        var waits = Enumerable.Range(0, 10).Select(_ => backoff.Failed("d1") - start).ToList();

        Assert.Equal([15, 30, 60, 120, 240, 480, 960, 1920, 3600, 3600], waits.Select(w => (int)w.TotalSeconds));
    }

    [Fact]
    public void IsDue_AfterFailure_OnlyOnceTheWaitHasPassedAndAgainAfterSuccess()
    {
        var backoff = new RetryBackoff(_time);
        backoff.Failed("d1");
        backoff.Failed("d1");

        var early = backoff.IsDue("d1");
        _time.Advance(TimeSpan.FromSeconds(30));
        var due = backoff.IsDue("d1");
        backoff.Failed("d1");
        backoff.Succeeded("d1");

        Assert.Equal((false, true, true, true), (early, due, backoff.IsDue("d1"), backoff.IsDue("other")));
    }
}
