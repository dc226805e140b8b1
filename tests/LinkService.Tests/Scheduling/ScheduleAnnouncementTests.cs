using LinkService.Scheduling;
using LinkService.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LinkService.Tests.Scheduling;

/// <summary>What the service says at start about each scheduled project: its time zone, due rule, misfire policy and next fire.</summary>
public sealed class ScheduleAnnouncementTests : IDisposable
{
    private readonly ServiceFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task StartAsync_ProjectNamingNoTimeZone_SaysItRunsInTheHostsZone()
    {
        var log = await AnnounceAsync();

        Assert.Contains($"Project reoffending-benefits runs on '0 0 2 * * ?' in time zone {TimeZoneInfo.Local.Id} (the host's); due: any-source-new, misfire: run-once", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ProjectNamingItsTimeZone_SaysItAndTheNextFireThere()
    {
        _folder.EditConfigJson(Path.Combine("projects", "reoffending-benefits.json"), project => project["timeZone"] = "America/New_York");

        var log = await AnnounceAsync();

        Assert.Contains("in time zone America/New_York; due: any-source-new, misfire: run-once; next fire at 2026-11-21 02:00:00 -05:00", log, StringComparison.Ordinal);
    }

    private async Task<string> AnnounceAsync()
    {
        var logger = new CollectingLogger<ScheduleAnnouncement>();
        await new ScheduleAnnouncement(_folder.LoadCatalog(), _time, logger).StartAsync(CancellationToken.None);
        return string.Join(Environment.NewLine, logger.Lines.Select(l => l.Message));
    }
}
