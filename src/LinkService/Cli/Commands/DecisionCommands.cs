using System.CommandLine;

namespace LinkService.Cli.Commands;

/// <summary>
/// <c>approve</c> and <c>reject</c>: the custodian's decision on held outputs. Outputs are held only
/// once anonymisation and export exist; until then the commands say so.
/// </summary>
internal static class DecisionCommands
{
    public static Command Create(string name, string description, CliContext context)
    {
        var project = new Option<string>("--project") { Description = "The project.", Required = true };
        var run = new Option<string>("--run") { Description = "The run id.", Required = true };
        var command = new Command(name, description) { project, run };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await context.Error.WriteLineAsync($"'{name}' is not yet available: outputs are held for approval once anonymisation and export are built.");
            return ExitCodes.UsageOrConfiguration;
        });
        return command;
    }
}
