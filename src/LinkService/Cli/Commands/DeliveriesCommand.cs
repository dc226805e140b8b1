using System.CommandLine;
using System.IO.Abstractions;
using LinkService.Configuration;
using LinkService.Configuration.Folders;
using LinkService.Hosting;
using LinkService.Intake.Holding;
using LinkService.Ledger;
using LinkService.Site;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LinkService.Cli.Commands;

/// <summary>
/// <c>deliveries release|reject ID</c>: the custodian's decision on a delivery held for its number of rows
/// (<see cref="HeldDeliveries"/>). Runs beside the service; recorded as the OS account that runs it.
/// </summary>
internal static class DeliveriesCommand
{
    public static Command Create(CliContext context)
    {
        var releaseId = IdArgument();
        var release = new Command("release", "Accept a held delivery: the project's next run takes it.") { releaseId };
        release.SetAction((parseResult, cancellationToken) => DecideAsync(
            parseResult, context, parseResult.GetValue(releaseId)!, "released", (held, id, user) => held.ReleaseAsync(id, user, cancellationToken)));

        var rejectId = IdArgument();
        var reason = ReasonOption.Create("Why it is rejected; written in its receipt and kept in the ledger's audit chain.");
        var reject = new Command("reject", "Reject a held delivery: it goes to quarantine and is never linked.") { rejectId, reason };
        reject.SetAction((parseResult, cancellationToken) => DecideAsync(
            parseResult, context, parseResult.GetValue(rejectId)!, "rejected", (held, id, user) => held.RejectAsync(id, user, parseResult.GetValue(reason)!, cancellationToken)));

        return new Command("deliveries", "Decide on deliveries held for the custodian (see 'linkservice status').") { release, reject };
    }

    private static Argument<string> IdArgument() => new("id") { Description = "The delivery id (see 'linkservice status')." };

    private static async Task<int> DecideAsync(ParseResult parseResult, CliContext context, string id, string done, Func<HeldDeliveries, string, string, Task<HeldDecisionProblem?>> decide)
    {
        if (await CommandConfiguration.LoadAsync(parseResult, context) is not { } startup)
        {
            return ExitCodes.UsageOrConfiguration;
        }

        using var host = ServiceHost.CreateBuilder(startup, HostPurpose.Command).Build();
        var services = host.Services;
        var paths = services.GetRequiredService<ServicePaths>();
        if (SiteCheck.Problem(paths) is { } noSite)
        {
            await context.Error.WriteLineAsync(noSite);
            return ExitCodes.UsageOrConfiguration;
        }

        var held = new HeldDeliveries(
            services.GetRequiredService<ConfigCatalog>(),
            paths,
            services.GetRequiredService<IFileSystem>(),
            services.GetRequiredService<ILedger>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>());
        if (await decide(held, id, Environment.UserName) is { } problem)
        {
            // A mistyped id is bad usage, as 'approve' takes an unknown run; a delivery in another state is the work's problem.
            await context.Error.WriteLineAsync(problem.Message);
            return problem.NoSuchDelivery ? ExitCodes.UsageOrConfiguration : ExitCodes.Problem;
        }

        await context.Out.WriteLineAsync($"Delivery {id} {done}.");
        return ExitCodes.Success;
    }
}
