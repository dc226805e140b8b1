using System.CommandLine;

namespace LinkService.Cli.Commands;

internal static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("status", "Deliveries, runs and approvals waiting.");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await context.Error.WriteLineAsync("'status' is not yet available.");
            return ExitCodes.UsageOrConfiguration;
        });
        return command;
    }
}
