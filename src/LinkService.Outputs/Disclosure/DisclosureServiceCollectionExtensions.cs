using LinkService.Outputs.Stages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LinkService.Outputs.Disclosure;

public static class DisclosureServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IDisclosureChecker"/> (and <see cref="TimeProvider.System"/> unless one is registered).</summary>
    public static IServiceCollection AddDisclosureChecks(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDisclosureChecker, DisclosureChecker>();
        return services;
    }
}
