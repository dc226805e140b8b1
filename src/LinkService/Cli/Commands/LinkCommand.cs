using System.CommandLine;
using LinkService.Configuration;
using LinkService.Configuration.Folders;
using LinkService.Folders;
using LinkService.Hosting;
using LinkService.Linking;
using Microsoft.Extensions.DependencyInjection;

namespace LinkService.Cli.Commands;

/// <summary><c>linkservice link --project P</c>: one project's linkage now, on its latest accepted deliveries.</summary>
internal static class LinkCommand
{
    public static Command Create(CliContext context)
    {
        var project = new Option<string>("--project") { Description = "The project to link (config/projects/<project>.json).", Required = true };
        var command = new Command("link", "Run one project's linkage now on its latest accepted deliveries, then exit.") { project };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (await CommandConfiguration.LoadAsync(parseResult, context) is not { } startup)
            {
                return ExitCodes.UsageOrConfiguration;
            }

            var name = parseResult.GetValue(project)!;
            if (!startup.Catalog!.Projects.ContainsKey(name))
            {
                await context.Error.WriteLineAsync($"There is no project '{name}' (configured: {string.Join(", ", startup.Catalog.Projects.Keys)}).");
                return ExitCodes.UsageOrConfiguration;
            }

            using var host = ServiceHost.CreateBuilder(startup, HostPurpose.Command).Build();
            FolderBootstrapper.EnsureCreated(host.Services.GetRequiredService<ServicePaths>(), host.Services.GetRequiredService<ConfigCatalog>());
            var outcome = await host.Services.GetRequiredService<ProjectRunner>().RunAsync(name, "command line", cancellationToken);
            if (!outcome.Succeeded)
            {
                await context.Error.WriteLineAsync($"Project {name} was not linked: {outcome.Message}.");
                return ExitCodes.Problem;
            }

            await context.Out.WriteLineAsync($"run {outcome.RunId}");
            await context.Out.WriteLineAsync($"folder {outcome.RunFolder}");
            return ExitCodes.Success;
        });
        return command;
    }
}
