using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace LinkService.Settings;

/// <summary>
/// Where the service's settings come from, later ones overriding: <c>appsettings.json</c>, then
/// <c>appsettings.&lt;environment&gt;.json</c> if present, then <c>LINKSERVICE_</c> environment variables.
/// The host and the start-up check read them through this one place.
/// </summary>
internal static class SettingsFiles
{
    public const string FileName = "appsettings.json";

    public const string EnvironmentPrefix = "LINKSERVICE_";

    /// <summary>The host's environment, as Microsoft.Extensions.Hosting reads it (DOTNET_ENVIRONMENT, default Production).</summary>
    public static string CurrentEnvironment =>
        Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 } name ? name : Environments.Production;

    public static string EnvironmentFileName(string environment) => $"appsettings.{environment}.json";

    public static void AddTo(IConfigurationBuilder builder, string configDirectory, string environment)
    {
        builder.AddJsonFile(Path.Combine(configDirectory, FileName), optional: false, reloadOnChange: false);
        builder.AddJsonFile(Path.Combine(configDirectory, EnvironmentFileName(environment)), optional: true, reloadOnChange: false);
        builder.AddEnvironmentVariables(EnvironmentPrefix);
    }

    /// <summary>How an environment variable holding <paramref name="key"/> is named.</summary>
    public static string EnvironmentVariable(string key) => EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal);
}
