using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace LinkService.Retention;

internal static class RetentionServiceCollectionExtensions
{
    /// <summary>
    /// Registers the retention pass (<see cref="RetentionSweep"/>, for the job and the <c>retention</c> command) with
    /// <see cref="RetentionOptions"/> from <c>LinkService:Retention</c>, checked at start. Needs the ledger, its integrity
    /// check, the catalog, ServicePaths and TimeProvider.
    /// </summary>
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>());
        services.TryAddSingleton<RetainedPaths>();
        services.TryAddSingleton<IFileEraser, FileEraser>();
        services.TryAddSingleton<RetentionPlanner>();
        services.TryAddSingleton<RetentionSweep>();
        return services;
    }

    /// <summary>
    /// The Quartz job that runs the pass on <see cref="RetentionOptions.Schedule"/>. Quartz's registration is additive,
    /// so this adds one job and one trigger to the scheduler the linkage schedules set up, whatever its store.
    /// </summary>
    public static IServiceCollection AddRetentionJob(this IServiceCollection services, IConfiguration configuration)
    {
        var schedule = (configuration.GetSection(RetentionOptions.SectionName).Get<RetentionOptions>() ?? new RetentionOptions()).Schedule;
        services.AddTransient<RetentionJob>();
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<RetentionJob>(job => job.WithIdentity(RetentionJob.Key).WithDescription("Delete what is past its retention period").StoreDurably());
            quartz.AddTrigger(trigger => trigger
                .ForJob(RetentionJob.Key)
                .WithIdentity("retention-schedule", RetentionJob.Group)
                .WithCronSchedule(schedule, cron => cron.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        return services;
    }
}
