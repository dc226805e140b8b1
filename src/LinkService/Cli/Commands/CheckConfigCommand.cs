using System.CommandLine;
using LinkService.Configuration.Folders;
using LinkService.Hosting;
using LinkService.Site;
using Microsoft.Extensions.DependencyInjection;

namespace LinkService.Cli.Commands;

/// <summary><c>linkservice check-config</c>: every configuration problem at once, without starting.</summary>
internal static class CheckConfigCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("check-config", "Validate all configuration, print every problem, exit 2 if there is any.");
        command.SetAction((parseResult, cancellationToken) => RunAsync(CommonOptions.ConfigDirectory(parseResult), context));
        return command;
    }

    private static async Task<int> RunAsync(string configDirectory, CliContext context)
    {
        var startup = StartupConfiguration.Load(configDirectory);
        var problems = startup.Problems.ToList();
        using var host = startup.Catalog is not null && problems.Count == 0 ? ServiceHost.CreateBuilder(startup, HostPurpose.ReadOnlyCommand).Build() : null;
        if (host is not null)
        {
            problems.AddRange(StartupValidation.Run(host, startup));
        }

        if (problems.Count > 0)
        {
            await ConfigurationReport.WriteProblemsAsync(context.Error, problems);
            return ExitCodes.UsageOrConfiguration;
        }

        var catalog = startup.Catalog!;
        await context.Out.WriteLineAsync(
            $"Configuration in {startup.Directory} is valid: {catalog.Sources.Count} sources, {catalog.Schemas.Count} schemas, {catalog.Projects.Count} projects.");

        // Checking a configuration needs no site (install.sh checks it before the first start), but one run from the
        // wrong folder should hear that its relative folders point nowhere.
        if (SiteCheck.Problem(host!.Services.GetRequiredService<ServicePaths>()) is { } noSite)
        {
            await context.Out.WriteLineAsync($"Note: {noSite}");
        }

        return ExitCodes.Success;
    }
}
