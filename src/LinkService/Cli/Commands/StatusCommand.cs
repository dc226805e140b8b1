using System.CommandLine;
using LinkService.Configuration;
using LinkService.Configuration.Folders;
using LinkService.Folders;
using LinkService.Hosting;
using LinkService.Ledger;
using LinkService.Status;
using Microsoft.Extensions.DependencyInjection;

namespace LinkService.Cli.Commands;

/// <summary><c>linkservice status</c>: what arrived, what became of it, and what the runs did.</summary>
internal static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("status", "Deliveries, runs and approvals waiting.");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var startup = StartupConfiguration.Load(CommonOptions.ConfigDirectory(parseResult));
            if (startup.Problems.Count > 0)
            {
                await ConfigurationReport.WriteProblemsAsync(context.Error, startup.Problems);
                return ExitCodes.UsageOrConfiguration;
            }

            using var host = ServiceHost.CreateBuilder(startup, HostPurpose.Command).Build();
            var catalog = host.Services.GetRequiredService<ConfigCatalog>();
            FolderBootstrapper.EnsureCreated(host.Services.GetRequiredService<ServicePaths>(), catalog);
            var status = await host.Services.GetRequiredService<ILedger>().GetStatusAsync(recentRuns: 10, cancellationToken);
            await context.Out.WriteAsync(StatusReport.Render(status, catalog));
            return ExitCodes.Success;
        });
        return command;
    }
}
