using Microsoft.Extensions.DependencyInjection;

namespace LinkService.Publishing;

internal static class PublishingServiceCollectionExtensions
{
    /// <summary>
    /// The pipeline after linkage: its stages, the atomic publish and the pipeline that records them. The stages'
    /// implementations (IAnonymiser, IDisclosureChecker, IOutputPackager) are registered by LinkService.Outputs.
    /// </summary>
    public static IServiceCollection AddPublishing(this IServiceCollection services)
    {
        services.AddSingleton<ExportPublisher>();
        services.AddSingleton<OutputStages>();
        services.AddSingleton<OutputPipeline>();
        services.AddSingleton<RunDecisions>();
        return services;
    }
}
