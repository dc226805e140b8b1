using LinkService.Outputs.Stages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

using LinkService.Outputs.Anonymising;

namespace LinkService.Outputs;

public static class AnonymiserServiceCollectionExtensions
{
    /// <summary>Registers the anonymise stage, <see cref="IAnonymiser"/>.</summary>
    public static IServiceCollection AddAnonymiser(this IServiceCollection services)
    {
        services.TryAddSingleton<IAnonymiser, Anonymiser>();
        return services;
    }
}
