using System.CommandLine;

namespace LinkService.Cli.Commands;

internal static class SynthCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("synth", "Write synthetic extracts for the configured sources.");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await context.Error.WriteLineAsync("'synth' is not yet available.");
            return ExitCodes.UsageOrConfiguration;
        });
        return command;
    }
}
