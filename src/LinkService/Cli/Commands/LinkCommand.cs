using System.CommandLine;

namespace LinkService.Cli.Commands;

internal static class LinkCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("link", "Run one project's linkage now, then exit.");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await context.Error.WriteLineAsync("'link' is not yet available.");
            return ExitCodes.UsageOrConfiguration;
        });
        return command;
    }
}
