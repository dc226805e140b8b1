using LinkService.Configuration;
using LinkService.Configuration.Loading;
using LinkService.Configuration.Projects.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LinkService.Scheduling;

/// <summary>Says at start, per scheduled project, the time zone its cron is read in (the host's unless it names one) and when it next fires.</summary>
internal sealed class ScheduleAnnouncement(ConfigCatalog catalog, TimeProvider timeProvider, ILogger<ScheduleAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var project in catalog.Projects.Values.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (ProjectSchedule.Of(project) is { } schedule)
            {
                var next = schedule.NextFireAfter(timeProvider.GetUtcNow()) is { } at ? schedule.InZone(at) : (DateTimeOffset?)null;
                var (due, misfire) = (ConfigJson.EnumName(project.Due), ConfigJson.EnumName(project.Misfire));
                Log.Scheduled(logger, project.Name, project.Schedule!, schedule.Zone.Id, schedule.ZoneIsHosts ? " (the host's)" : "", due, misfire, next);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
