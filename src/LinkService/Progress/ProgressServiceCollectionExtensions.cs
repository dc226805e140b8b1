using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LinkService.Progress;

public static class ProgressServiceCollectionExtensions
{
    /// <summary>Reports runs' progress every <see cref="ProgressOptions.Interval"/> to the log, unless a sink of its own is registered first.</summary>
    public static IServiceCollection AddProgress(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptionsWithValidateOnStart<ProgressOptions, ProgressOptionsValidator>().Bind(configuration.GetSection(ProgressOptions.SectionName));
        services.TryAddSingleton<IProgressSink, LogProgressSink>();
        services.AddSingleton<RunProgress>();
        return services;
    }
}
