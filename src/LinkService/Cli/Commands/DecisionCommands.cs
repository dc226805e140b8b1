using System.CommandLine;
using LinkService.Configuration.Folders;
using LinkService.Hosting;
using LinkService.Publishing;
using LinkService.Site;
using Microsoft.Extensions.DependencyInjection;

namespace LinkService.Cli.Commands;

/// <summary>
/// <c>approve</c> and <c>reject</c>: the custodian's decision on a run held for approval (<see cref="RunDecisions"/>).
/// They run beside the service, as <c>link</c> does: the run's lease keeps them apart. The decision is recorded as the
/// OS account that runs the command.
/// </summary>
internal static class DecisionCommands
{
    public static Command CreateApprove(CliContext context)
    {
        var (project, run) = RunOptions();
        var command = new Command("approve", "Approve a run held for approval and publish its outputs to the export folder.") { project, run };
        command.SetAction((parseResult, cancellationToken) => DecideAsync(
            parseResult, context, (decisions, user) => decisions.ApproveAsync(parseResult.GetValue(project)!, parseResult.GetValue(run)!, user, cancellationToken)));
        return command;
    }

    public static Command CreateReject(CliContext context)
    {
        var (project, run) = RunOptions();
        var reason = ReasonOption.Create("Why the outputs are rejected; kept in the ledger's audit chain.");
        var command = new Command("reject", "Reject a run held for approval; its outputs are discarded.") { project, run, reason };
        command.SetAction((parseResult, cancellationToken) => DecideAsync(
            parseResult,
            context,
            (decisions, user) => decisions.RejectAsync(parseResult.GetValue(project)!, parseResult.GetValue(run)!, user, parseResult.GetValue(reason)!, cancellationToken)));
        return command;
    }

    private static (Option<string> Project, Option<string> Run) RunOptions() =>
        (new Option<string>("--project") { Description = "The project.", Required = true },
         new Option<string>("--run") { Description = "The run id (see 'linkservice status').", Required = true });

    private static async Task<int> DecideAsync(ParseResult parseResult, CliContext context, Func<RunDecisions, string, Task<DecisionOutcome>> decide)
    {
        if (await CommandConfiguration.LoadAsync(parseResult, context) is not { } startup)
        {
            return ExitCodes.UsageOrConfiguration;
        }

        using var host = ServiceHost.CreateBuilder(startup, HostPurpose.Command).Build();
        if (SiteCheck.Problem(host.Services.GetRequiredService<ServicePaths>()) is { } noSite)
        {
            await context.Error.WriteLineAsync(noSite);
            return ExitCodes.UsageOrConfiguration;
        }

        var outcome = await decide(host.Services.GetRequiredService<RunDecisions>(), Environment.UserName);
        await (outcome.ExitCode == ExitCodes.Success ? context.Out : context.Error).WriteLineAsync(outcome.Message);
        return outcome.ExitCode;
    }
}
