using System.CommandLine;
using LinkService.Configuration.Folders;
using LinkService.Hosting;
using LinkService.Linking;
using LinkService.Progress;
using LinkService.Site;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LinkService.Cli.Commands;

/// <summary>
/// <c>linkservice link --project P</c>: one project's linkage now, on its latest accepted deliveries. It runs beside the
/// service (it does not take the site's lock, which is the service's alone): the ledger's run lease keeps the two apart,
/// so it refuses a project the service or another command is running, and the service runs nothing of the project while
/// it does, even across a restart of the service.
/// </summary>
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
            if (!await CommandConfiguration.HasProjectAsync(startup, name, context))
            {
                return ExitCodes.UsageOrConfiguration;
            }

            using var host = Builder(startup, context).Build();
            if (SiteCheck.Problem(host.Services.GetRequiredService<ServicePaths>()) is { } noSite)
            {
                await context.Error.WriteLineAsync(noSite);
                return ExitCodes.UsageOrConfiguration;
            }

            ProjectRunOutcome outcome;
            try
            {
                outcome = await host.Services.GetRequiredService<ProjectRunner>().RunAsync(name, "command line", cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await context.Error.WriteLineAsync($"Cancelled: project {name} was not linked, or its outputs not finished. A run stopped while linking is recorded as cancelled; one that had linked is resumed by the service.");
                return ExitCodes.Problem;
            }

            if (!outcome.Succeeded)
            {
                await context.Error.WriteLineAsync($"Project {name} was not linked: {outcome.Message}.");
                return ExitCodes.Problem;
            }

            await context.Out.WriteLineAsync($"run {outcome.RunId}");
            await context.Out.WriteLineAsync($"folder {outcome.RunFolder}");
            await context.Out.WriteLineAsync($"outcome {outcome.Message}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The command's host: its progress goes to standard error, as a bar on a terminal and as lines elsewhere.</summary>
    private static HostApplicationBuilder Builder(StartupConfiguration startup, CliContext context)
    {
        var builder = ServiceHost.CreateBuilder(startup, HostPurpose.Command);
        builder.Services.Replace(ServiceDescriptor.Singleton<IProgressSink>(new TerminalProgressSink(context.Error, context.ErrorIsTerminal, TerminalWidth)));
        if (context.ErrorIsTerminal)
        {
            LogPaths.ConsoleWarningsOnly(builder.Configuration);
        }

        return builder;
    }

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
