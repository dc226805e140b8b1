using Microsoft.Extensions.DependencyInjection;

namespace LinkService.Scheduling;

internal static class SchedulingServiceCollectionExtensions
{
    /// <summary>The due rules every host reads (<c>status</c> shows them); the service also says each schedule's time zone at start.</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, bool service)
    {
        services.AddSingleton<ScheduleGate>();
        services.AddSingleton<ScheduledRun>();
        services.AddSingleton<LinkageSlot>();
        if (service)
        {
            services.AddHostedService<ScheduleAnnouncement>();
            services.AddIntakeSweepJob();
        }

        return services;
    }
}
