using LinkService.Audit;
using LinkService.Cluster;
using LinkService.Configuration;
using LinkService.Configuration.Folders;
using LinkService.Deliveries;
using LinkService.Intake;
using LinkService.Intake.Checks;
using LinkService.Ledger;
using LinkService.Ledger.Postgres;
using LinkService.Ledger.Runs;
using LinkService.Linkage;
using LinkService.Linkage.Memory;
using LinkService.Linking;
using LinkService.Outputs;
using LinkService.Outputs.Disclosure;
using LinkService.Outputs.Packaging;
using LinkService.Progress;
using LinkService.Publishing;
using LinkService.Retention;
using LinkService.Scheduling;
using LinkService.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LinkService.Hosting;

/// <summary>The features the host composes. Each feature registers itself through its own AddXxx.</summary>
internal static class FeatureRegistration
{
    public static IServiceCollection AddLinkServiceFeatures(this IServiceCollection services, IConfiguration configuration, ConfigCatalog catalog, HostPurpose purpose)
    {
        // Before the ledger, which takes the default terms unless these are registered.
        var runs = configuration.GetSection(RunOptions.SectionName).Get<RunOptions>() ?? new RunOptions();
        services.AddSingleton(runs.Terms);
        services.AddLedger(configuration);
        services.AddSingleton<LedgerIntegrity>();
        services.AddSingleton<StoreIntegrity>();
        services.AddValidation();
        services.AddOptions<ValidationOptions>().Bind(configuration.GetSection(ValidationOptions.SectionName));

        // Spilled key hashes stay in the private work area, not the machine's shared temp folder.
        services.AddSingleton<IPostConfigureOptions<ValidationOptions>>(provider => new PostConfigureOptions<ValidationOptions>(
            Options.DefaultName, options => options.TempDirectory ??= provider.GetRequiredService<ServicePaths>().StagingRoot));
        services.AddLinkage();
        services.Configure<HugePageOptions>(options => options.Enabled = runs.TransparentHugePages);
        services.AddSingleton(RunOwner.Current);
        services.AddProgress(configuration);
        var cluster = ClusterMode.From(configuration);
        services.AddSingleton(cluster);
        services.AddSingleton<ProjectRunner>();
        services.AddAnonymiser();
        services.AddDisclosureChecks();
        services.AddOutputPackaging();
        services.AddPublishing();
        services.AddRetention(configuration);

        if (purpose == HostPurpose.Service)
        {
            services.AddHostedService<AuditChainCheck>();
            services.AddHostedService<StoreCheckAtStart>();

            // Intake has no default check: without this one it refuses to start.
            services.AddSingleton<IDeliveryCheck, SchemaValidationCheck>();
            services.AddIntake(configuration);
            services.AddSingleton<ILinkageTrigger, QuartzLinkageTrigger>();
            services.AddHostedService<StagingCleanup>();
            services.AddHostedService<RunRecovery>();
            services.AddLinkageSchedules(catalog);
            services.AddRetentionJob(configuration);
            services.AddQuartzStore(cluster, SharedDatabase.ConnectionString(ClusterMode.Ledger(configuration)));
        }

        // After intake: the service's scheduler takes over intake's sweeps.
        services.AddScheduling(purpose == HostPurpose.Service);

        return services;
    }
}
