using System.CommandLine;
using LinkService.Configuration.Folders;
using LinkService.Hosting;
using LinkService.Keys;
using LinkService.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace LinkService.Cli.Commands;

/// <summary><c>linkservice keys init</c>: create the master key file with owner-only permissions, on a site that has none.</summary>
internal static class KeysCommand
{
    public static Command Create(CliContext context)
    {
        var init = new Command("init", "Create the master pseudonymisation key in work/keys/, readable by this account alone (`run` creates it on a new site).");
        init.SetAction(async (parseResult, cancellationToken) =>
        {
            if (await CommandConfiguration.LoadAsync(parseResult, context) is not { } startup)
            {
                return ExitCodes.UsageOrConfiguration;
            }

            using var host = ServiceHost.CreateBuilder(startup, HostPurpose.Command).Build();
            var paths = host.Services.GetRequiredService<ServicePaths>();
            if (File.Exists(paths.MasterKeyFile))
            {
                await context.Error.WriteLineAsync($"A master key exists already at {paths.MasterKeyFile}; it is never replaced (the audit chain and pseudonyms depend on it).");
                return ExitCodes.Problem;
            }

            var readiness = await MasterKeySetup.PrepareAsync(paths, host.Services.GetRequiredService<ILedger>(), cancellationToken);
            if (readiness.Problem is { } problem)
            {
                await context.Error.WriteLineAsync($"No key created: {problem}.");
                return ExitCodes.Problem;
            }

            await context.Out.WriteLineAsync(KeyBackupAdvice.For(paths.MasterKeyFile));
            return ExitCodes.Success;
        });
        return new Command("keys", "Manage the pseudonymisation key.") { init };
    }
}
