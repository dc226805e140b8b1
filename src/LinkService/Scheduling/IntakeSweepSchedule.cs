using LinkService.Intake;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace LinkService.Scheduling;

/// <summary>
/// Schedules <see cref="IntakeSweepJob"/> every <see cref="IntakeOptions.SweepInterval"/> (from the first interval after
/// start: intake's first pass at start is a full one). A sweep missed while the scheduler was busy is not caught up:
/// the next one looks at everything anyway.
/// </summary>
internal sealed class IntakeSweepSchedule(ISchedulerFactory schedulerFactory, IOptions<IntakeOptions> options, TimeProvider timeProvider) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var interval = options.Value.SweepInterval;
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<IntakeSweepJob>().WithIdentity(IntakeSweepJob.Key).WithDescription("Sweep every drop folder").Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(IntakeSweepJob.TriggerKey)
            .StartAt(timeProvider.GetUtcNow() + interval)
            .WithSimpleSchedule(schedule => schedule.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
        // Replacing: with the clustered job store the job and trigger outlive a restart, and every node declares them.
        await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal static class IntakeSweepScheduleExtensions
{
    /// <summary>Intake's sweeps come from the scheduler, not intake's own timer. Call after <c>AddIntake</c>.</summary>
    public static IServiceCollection AddIntakeSweepJob(this IServiceCollection services)
    {
        services.WithScheduledSweeps();
        services.AddTransient<IntakeSweepJob>();
        services.AddHostedService<IntakeSweepSchedule>();
        return services;
    }
}
