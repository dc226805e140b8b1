using LinkService.Outputs.Stages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LinkService.Outputs.Packaging;

public static class PackagingServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IOutputPackager"/> (and <see cref="TimeProvider.System"/> unless one is registered).</summary>
    public static IServiceCollection AddOutputPackaging(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IOutputPackager, OutputPackager>();
        return services;
    }
}
