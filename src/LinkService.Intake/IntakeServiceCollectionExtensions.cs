using System.IO.Abstractions;
using LinkService.Configuration;
using LinkService.Configuration.Folders;
using LinkService.Intake.Checks;
using LinkService.Intake.Hosting;
using LinkService.Intake.Scanning.Writers;
using LinkService.Ledger;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LinkService.Intake;

public static class IntakeServiceCollectionExtensions
{
    /// <summary>
    /// Registers intake as a hosted service: <see cref="IntakeOptions"/> from <c>LinkService:Intake</c>, checked at
    /// start; and the ledger. Needs <see cref="ConfigCatalog"/>, <see cref="ServicePaths"/>, <see cref="TimeProvider"/>,
    /// <see cref="IFileSystem"/> and an <see cref="IDeliveryCheck"/> in DI, registered before or after this call. There is no
    /// default check: without one, intake refuses to start rather than accept deliveries unvalidated.
    /// </summary>
    public static IServiceCollection AddIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IntakeOptions>()
            .Bind(configuration.GetSection(IntakeOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IntakeOptions>, IntakeOptionsValidator>());
        services.AddLedger();
        services.TryAddSingleton(_ => WriterSignals.ForThisSystem());
        services.TryAddSingleton(provider => IntakeComposition.CreateCycle(
            provider.GetRequiredService<ConfigCatalog>(),
            provider.GetRequiredService<ServicePaths>(),
            provider.GetRequiredService<IFileSystem>(),
            provider.GetRequiredService<ILedger>(),
            provider.GetService<IDeliveryCheck>() ?? throw new InvalidOperationException(
                "Intake has no delivery check registered (IDeliveryCheck; the service registers schema validation): it will not start, rather than accept deliveries unchecked."),
            provider.GetRequiredService<IOptions<IntakeOptions>>().Value,
            provider.GetRequiredService<IWriterSignal>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<IntakeSweeps>();
        services.AddHostedService<IntakeService>();
        services.AddHostedService<PeriodicSweep>();
        return services;
    }

    /// <summary>
    /// For a host whose scheduler asks for intake's sweeps itself (<see cref="IntakeSweeps.SweepAsync"/>, every
    /// <see cref="IntakeOptions.SweepInterval"/>): intake's own timer is removed. Call after <see cref="AddIntake"/>.
    /// </summary>
    public static IServiceCollection WithScheduledSweeps(this IServiceCollection services)
    {
        foreach (var timer in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(PeriodicSweep)).ToList())
        {
            services.Remove(timer);
        }

        return services;
    }
}
