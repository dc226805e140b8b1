using LinkService.Configuration.Loading;
using LinkService.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LinkService.Hosting;

/// <summary>
/// Runs every options validator registered with ValidateOnStart and collects all failures, placed as the start-up
/// check places them. <see cref="AppSettingsCheck"/> has run the same validators already; this is the host's own net.
/// </summary>
internal static class StartupValidation
{
    public static IReadOnlyList<string> Run(IHost host, StartupConfiguration startup)
    {
        try
        {
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return Describe([ex], host, startup);
        }
        catch (AggregateException ex)
        {
            return Describe(ex.InnerExceptions.OfType<OptionsValidationException>(), host, startup);
        }
    }

    private static List<string> Describe(IEnumerable<OptionsValidationException> exceptions, IHost host, StartupConfiguration startup)
    {
        var configuration = (IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>();
        var sections = SettingsSections.All(Environment.CurrentDirectory, startup.Directory);
        var errors = new ConfigErrors(ConfigCatalogLoader.FileLabel(startup.Directory, SettingsFiles.FileName));
        foreach (var exception in exceptions)
        {
            var section = sections.FirstOrDefault(s => s.OptionsType == exception.OptionsType);
            foreach (var failure in exception.Failures)
            {
                if (section is null)
                {
                    errors.Add("$", failure);
                }
                else
                {
                    SettingsMeaning.Add(configuration, section, failure, startup.Directory, errors);
                }
            }
        }

        return errors.All.Select(e => e.ToString()).ToList();
    }
}
