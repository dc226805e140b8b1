using LinkService.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace LinkService.Linking;

/// <summary>
/// Where Quartz keeps the schedule. A single node keeps it in memory: schedules come from config/ at every start and the
/// ledger remembers runs. A cluster keeps it in the ledger's PostgreSQL database with Quartz's clustered ADO.NET store, so
/// that each firing of a schedule runs on exactly one node, and the jobs of a node that stops checking in are recovered
/// by another.
/// </summary>
internal static class QuartzStore
{
    /// <summary>The scheduler's name in cluster mode: the store's rows are keyed by it, so every node must use the same.</summary>
    public const string ClusterSchedulerName = "LinkService";

    public static IServiceCollection AddQuartzStore(this IServiceCollection services, ClusterMode cluster, string? connectionString)
    {
        services.AddQuartz(quartz =>
        {
            if (!cluster.Enabled || connectionString is null)
            {
                quartz.ConfigureScheduler(scheduler =>
                {
                    // A scheduler's name must be unique within the process; a unique one lets tests (and anything
                    // else) host more than one service in a process.
                    scheduler.InstanceId = "linkservice";
                    scheduler.InstanceName = $"LinkService-{Guid.NewGuid():N}";
                });
                quartz.UseInMemoryStore();
                return;
            }

            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = ClusterSchedulerName;

                // AUTO: each node's id is generated at start (host and time), unique in the cluster.
                scheduler.GenerateInstanceId = true;
            });
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseSystemTextJsonSerializer();
                store.UseClustering(clustering => clustering.CheckinInterval = cluster.Node.CheckinInterval);

                // The pinned Quartz creates the tables of its own version if they are missing (never altering or dropping
                // any), safely when several nodes start at once; see docs/cluster.md.
                store.ProvisionSchema();
            });

            // Every node declares the same jobs and triggers at start: a declared trigger replaces the stored one but keeps
            // its firing history, so a restart neither re-fires a schedule that ran nor forgets one that was missed.
            quartz.ConfigureOptions<QuartzOptions>(options => options.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true);
        });
        return services;
    }
}
