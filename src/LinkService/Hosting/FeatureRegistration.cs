using LinkService.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace LinkService.Hosting;

/// <summary>The features the host composes. Each feature registers itself through its own AddXxx.</summary>
internal static class FeatureRegistration
{
    public static IServiceCollection AddLinkServiceFeatures(this IServiceCollection services, HostPurpose purpose)
    {
        _ = purpose;
        services.AddLedger();
        return services;
    }
}
