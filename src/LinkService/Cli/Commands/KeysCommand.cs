using System.CommandLine;
using LinkService.Configuration.Folders;
using LinkService.Hosting;
using LinkService.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace LinkService.Cli.Commands;

/// <summary><c>linkservice keys init</c>: create the master key file with owner-only permissions.</summary>
internal static class KeysCommand
{
    public static Command Create(CliContext context)
    {
        var init = new Command("init", "Create the master pseudonymisation key in work/keys/, readable by this account alone.");
        init.SetAction(async (parseResult, cancellationToken) =>
        {
            if (await CommandConfiguration.LoadAsync(parseResult, context) is not { } startup)
            {
                return ExitCodes.UsageOrConfiguration;
            }

            using var host = ServiceHost.CreateBuilder(startup, HostPurpose.Command).Build();
            var paths = host.Services.GetRequiredService<ServicePaths>();

            // The work folder itself is checked with the configuration; a keys folder inside it that is a link
            // would still carry the key wherever the link points.
            var keysFolder = PhysicalPath.Resolve(paths.KeysFolder);
            if (!PhysicalPath.IsWithin(keysFolder, PhysicalPath.Resolve(paths.WorkRoot)))
            {
                await context.Error.WriteLineAsync($"{paths.KeysFolder} leads outside the work folder (to {keysFolder}); remove the link and run 'keys init' again.");
                return ExitCodes.Problem;
            }

            if (!MasterKeyFile.TryCreate(paths.KeysFolder, out var path))
            {
                await context.Error.WriteLineAsync($"A master key exists already at {path}; it is never replaced (pseudonyms depend on it).");
                return ExitCodes.Problem;
            }

            await context.Out.WriteLineAsync($"Created the master key at {path} (owner read/write only). Back it up offline.");
            return ExitCodes.Success;
        });
        return new Command("keys", "Manage the pseudonymisation key.") { init };
    }
}
