using System.CommandLine;
using LinkService.Audit;
using LinkService.Configuration;
using LinkService.Configuration.Folders;
using LinkService.Hosting;
using LinkService.Intake.Waiting;
using LinkService.Ledger;
using LinkService.Scheduling;
using LinkService.Site;
using LinkService.Status;
using Microsoft.Extensions.DependencyInjection;

namespace LinkService.Cli.Commands;

/// <summary><c>linkservice status</c>: what arrived, what became of it, what the runs did; exit 1 if the ledger or the store was altered.</summary>
internal static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json")
        {
            Description = "Write the same report as JSON, for monitoring: counts, recent deliveries and their outcomes, each source's current and held deliveries, each project's last runs, next fire and whether it is due, runs and their stages, approvals waiting, the ledger's and the store's checks.",
        };
        var command = new Command("status", "Deliveries, runs and approvals waiting.") { json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (await CommandConfiguration.LoadAsync(parseResult, context) is not { } startup)
            {
                return ExitCodes.UsageOrConfiguration;
            }

            using var host = ServiceHost.CreateBuilder(startup, HostPurpose.ReadOnlyCommand).Build();
            var catalog = host.Services.GetRequiredService<ConfigCatalog>();
            if (SiteCheck.Problem(host.Services.GetRequiredService<ServicePaths>()) is { } noSite)
            {
                await context.Error.WriteLineAsync(noSite);
                return ExitCodes.UsageOrConfiguration;
            }

            var ledger = host.Services.GetRequiredService<ILedger>();
            var status = await ledger.GetStatusAsync(StatusFacts.Recent, cancellationToken);
            var recent = await ledger.GetRecentDeliveriesAsync(null, StatusFacts.Recent, cancellationToken);
            var audit = await host.Services.GetRequiredService<LedgerIntegrity>().CheckAsync(cancellationToken);
            var store = await host.Services.GetRequiredService<StoreIntegrity>().CheckAsync(cancellationToken);
            var waiting = await WaitingReport.ReadAsync(host.Services.GetRequiredService<ServicePaths>().IntakeWaitingFile, cancellationToken);
            var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var sources = catalog.Sources.Keys.Union(status.Deliveries.Select(d => d.Source)).Order(StringComparer.Ordinal).ToList();
            var sourceStates = await ScheduleFacts.SourcesAsync(catalog, ledger, cancellationToken);
            var projects = await ScheduleFacts.ProjectsAsync(catalog, ledger, host.Services.GetRequiredService<ScheduleGate>(), now, cancellationToken);
            var facts = new StatusFacts(sources, status, recent, audit, store, waiting, now, sourceStates, projects);
            await context.Out.WriteAsync(parseResult.GetValue(json) ? StatusJson.Render(facts) : StatusReport.Render(facts));
            return facts.IsIntact ? ExitCodes.Success : ExitCodes.Problem;
        });
        return command;
    }
}
