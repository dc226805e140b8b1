using LinkService.Linkage.Memory;
using LinkService.Linkage.Running;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LinkService.Linkage;

public static class LinkageServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ILinkageRunner"/> and <see cref="HugePageAdvice"/> (and <see cref="TimeProvider.System"/> unless one is registered).</summary>
    public static IServiceCollection AddLinkage(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILinkageRunner, LinkageRunner>();
        services.AddOptions<HugePageOptions>();
        services.TryAddSingleton<HugePageAdvice>();
        return services;
    }
}
