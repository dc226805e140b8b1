using System.CommandLine;
using LinkService.Configuration.Folders;
using LinkService.Hosting;
using LinkService.Retention;
using LinkService.Site;
using Microsoft.Extensions.DependencyInjection;

namespace LinkService.Cli.Commands;

/// <summary>
/// <c>linkservice retention [--dry-run]</c>: the retention job's pass now (beside the service: each deletion is a ledger
/// write, and the ledger serialises them), or with <c>--dry-run</c> what it would delete and what it keeps past its period, and why.
/// </summary>
internal static class RetentionCommand
{
    public static Command Create(CliContext context)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be deleted, and what is kept past its period and why; delete nothing." };
        var command = new Command("retention", "Delete what is past its retention period and needed no more, as the daily retention job does.") { dryRun };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (await CommandConfiguration.LoadAsync(parseResult, context) is not { } startup)
            {
                return ExitCodes.UsageOrConfiguration;
            }

            var listOnly = parseResult.GetValue(dryRun);
            using var host = ServiceHost.CreateBuilder(startup, listOnly ? HostPurpose.ReadOnlyCommand : HostPurpose.Command).Build();
            if (SiteCheck.Problem(host.Services.GetRequiredService<ServicePaths>()) is { } noSite)
            {
                await context.Error.WriteLineAsync(noSite);
                return ExitCodes.UsageOrConfiguration;
            }

            if (listOnly)
            {
                var plan = await host.Services.GetRequiredService<RetentionPlanner>().PlanAsync(cancellationToken);
                await WriteAsync(context.Out, plan.Due.Select(t => Line(t.Recorded ? "would finish deleting" : "would delete", t)), plan.Kept);
                return ExitCodes.Success;
            }

            var report = await host.Services.GetRequiredService<RetentionSweep>().RunAsync(cancellationToken);
            if (report.Untrusted is { } untrusted)
            {
                await context.Error.WriteLineAsync($"Nothing deleted: {untrusted}");
                return ExitCodes.Problem;
            }

            await WriteAsync(context.Out, report.Deleted.Select(t => Line("deleted", t)).Concat(report.Failed.Select(t => Line("could not delete", t))), report.Kept);
            return report.Failed.Count == 0 ? ExitCodes.Success : ExitCodes.Problem;
        });
        return command;
    }

    private static string Line(string what, RetentionTarget target) =>
        $"{what} the {target.ItemName} of {target.EntityId} ({target.Owner}){(target.Period.Length > 0 ? $", kept {target.Period}" : "")}";

    private static async Task WriteAsync(TextWriter output, IEnumerable<string> lines, IReadOnlyList<RetentionKept> kept)
    {
        var any = false;
        foreach (var line in lines.Concat(kept.Select(k => $"keeps the {k.ItemName} of {k.EntityId} ({k.Owner}) past its period: {k.Reason}")))
        {
            any = true;
            await output.WriteLineAsync(line);
        }

        if (!any)
        {
            await output.WriteLineAsync("Nothing is past its retention period.");
        }
    }
}
