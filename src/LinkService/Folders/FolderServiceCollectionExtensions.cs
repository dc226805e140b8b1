using LinkService.Configuration.Folders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LinkService.Folders;

internal static class FolderServiceCollectionExtensions
{
    /// <summary>Binds <c>LinkService:Folders</c>, checks it at start, and provides the derived <see cref="ServicePaths"/>.</summary>
    public static IServiceCollection AddServiceFolders(this IServiceCollection services, IConfiguration configuration, string workingDirectory, string configDirectory)
    {
        services.AddOptions<FolderOptions>()
            .Bind(configuration.GetSection(FolderOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<FolderOptions>>(new FolderOptionsValidator(workingDirectory, configDirectory));
        services.AddSingleton(sp => new ServicePaths(sp.GetRequiredService<IOptions<FolderOptions>>().Value, workingDirectory));
        return services;
    }
}
