using System.CommandLine;

namespace LinkService.Cli.Commands;

internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("validate", "Validate one file against a source's schema.");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await context.Error.WriteLineAsync("'validate' is not yet available.");
            return ExitCodes.UsageOrConfiguration;
        });
        return command;
    }
}
