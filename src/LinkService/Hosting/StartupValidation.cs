using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LinkService.Hosting;

/// <summary>Runs every options validator registered with ValidateOnStart and collects all failures.</summary>
internal static class StartupValidation
{
    public static IReadOnlyList<string> Run(IHost host, string appSettingsPath)
    {
        try
        {
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return Describe(ex, appSettingsPath).ToList();
        }
        catch (AggregateException ex)
        {
            return ex.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => Describe(e, appSettingsPath)).ToList();
        }
    }

    private static IEnumerable<string> Describe(OptionsValidationException ex, string appSettingsPath) =>
        ex.Failures.Select(f => $"{appSettingsPath}: {f}");
}
