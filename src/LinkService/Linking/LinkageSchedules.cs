using LinkService.Configuration;
using Microsoft.Extensions.DependencyInjection;
using LinkService.Scheduling;
using Quartz;

namespace LinkService.Linking;

internal static class LinkageSchedules
{
    /// <summary>
    /// One durable job per project and one cron trigger per scheduled project, in the store <see cref="QuartzStore"/>
    /// chooses. On a single node it is in memory: schedules come from config/ at every start, and the ledger, not Quartz,
    /// remembers runs, so a run missed while the service was down is caught up by <see cref="RunRecovery"/>.
    /// </summary>
    public static IServiceCollection AddLinkageSchedules(this IServiceCollection services, ConfigCatalog catalog)
    {
        services.AddTransient<LinkageJob>();
        services.AddQuartz(quartz =>
        {
            // The scheduler's name and store: QuartzStore.
            quartz.ConfigureScheduler(scheduler =>
            {
                // A stop cancels a running job's token, and the host waits for the job to record that.
                scheduler.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
            });

            // A thread per project's job and two for the rest (intake's sweep); linkages still run one at a time (LinkageSlot).
            quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = catalog.Projects.Count + 2);

            foreach (var project in catalog.Projects.Values)
            {
                var key = LinkageJob.KeyFor(project.Name);
                quartz.AddJob<LinkageJob>(job => job
                    .WithIdentity(key)
                    .UsingJobData(LinkageJob.ProjectKey, project.Name)
                    .WithDescription($"Link project {project.Name}")
                    .StoreDurably());
                if (project.Schedule is { } cron)
                {
                    quartz.AddTrigger(trigger => trigger
                        .ForJob(key)
                        .WithIdentity($"link-{project.Name}-schedule", LinkageJob.Group)
                        .WithCronSchedule(cron, schedule => ProjectCron.Configure(schedule, project)));
                }
            }
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
