using System.CommandLine;
using LinkService.Hosting;

namespace LinkService.Cli;

internal static class CommandConfiguration
{
    /// <summary>The configuration a command was given (--config); null once every problem in it is printed, when the command exits 2.</summary>
    public static async Task<StartupConfiguration?> LoadAsync(ParseResult parseResult, CliContext context)
    {
        var startup = StartupConfiguration.Load(CommonOptions.ConfigDirectory(parseResult));
        if (startup.Problems.Count == 0)
        {
            return startup;
        }

        await ConfigurationReport.WriteProblemsAsync(context.Error, startup.Problems);
        return null;
    }

    /// <summary>Whether the configuration has the project a command names; if not, says which it has (the command then exits 2).</summary>
    public static async Task<bool> HasProjectAsync(StartupConfiguration startup, string name, CliContext context)
    {
        if (startup.Catalog!.Projects.ContainsKey(name))
        {
            return true;
        }

        await context.Error.WriteLineAsync($"There is no project '{name}' (configured: {string.Join(", ", startup.Catalog.Projects.Keys)}).");
        return false;
    }
}
