using LinkService.Validation.Uniqueness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LinkService.Validation;

public static class ValidationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IExtractValidator"/>, <see cref="ValidationOptions"/> (validated on start), and the
    /// removal at start of spill folders an interrupted check left.
    /// Needs a <see cref="TimeProvider"/> and logging, which the host registers.
    /// </summary>
    public static IServiceCollection AddValidation(this IServiceCollection services, Action<ValidationOptions>? configure = null)
    {
        var options = services.AddOptions<ValidationOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ValidationOptions>, ValidationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IExtractValidator, ExtractValidator>();

        // Started only where the host runs (the service), before the features registered after it: intake's checks.
        services.AddHostedService<SpillCleanup>();
        return services;
    }
}
