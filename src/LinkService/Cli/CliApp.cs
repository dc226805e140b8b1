using System.CommandLine;
using System.Runtime.InteropServices;
using LinkService.Cli.Commands;
using LinkService.Hosting;

namespace LinkService.Cli;

/// <summary>The <c>linkservice</c> command line: parses, then hands over to one command.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        // Only the process's own standard error can be a terminal; a writer a test passes never is.
        var context = new CliContext(output, error) { ErrorIsTerminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected };
        var root = BuildRootCommand(context);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }

            await error.WriteLineAsync("Run 'linkservice --help' for usage.");
            return ExitCodes.UsageOrConfiguration;
        }

        // The service's host handles SIGINT/SIGTERM itself (and systemd/Windows stop requests) so that
        // it can drain; the one-shot commands cancel their token on the same signals.
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        var invocation = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            ProcessTerminationTimeout = null,

            // The default handler prints whole exceptions, whose messages can quote a file's cells.
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await parseResult.InvokeAsync(invocation, cancellation.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await error.WriteLineAsync("Stopped before finishing.");
            return ExitCodes.Problem;
        }
        catch (ConfigurationProblemException ex)
        {
            await ConfigurationReport.WriteProblemsAsync(error, [ex.Message]);
            return ExitCodes.UsageOrConfiguration;
        }
        catch (Exception ex)
        {
            await error.WriteLineAsync($"linkservice failed: {SafeReason.Of(ex)}");
            return ExitCodes.Problem;
        }

        void Cancel(PosixSignalContext signal)
        {
            if (!RunCommand.IsRunning)
            {
                signal.Cancel = true;
                cancellation.Cancel();
            }
        }
    }

    internal static RootCommand BuildRootCommand(CliContext context)
    {
        var run = RunCommand.Create(context);
        var root = new RootCommand("LinkService: takes departments' extracts, validates, links and de-identifies them.");
        root.Options.Add(CommonOptions.Config);
        root.Subcommands.Add(run);
        root.Subcommands.Add(CheckConfigCommand.Create(context));
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(LinkCommand.Create(context));
        root.Subcommands.Add(EvaluateCommand.Create(context));
        root.Subcommands.Add(DecisionCommands.CreateApprove(context));
        root.Subcommands.Add(DecisionCommands.CreateReject(context));
        root.Subcommands.Add(DeliveriesCommand.Create(context));
        root.Subcommands.Add(StatusCommand.Create(context));
        root.Subcommands.Add(KeysCommand.Create(context));
        root.Subcommands.Add(SynthCommand.Create(context));
        root.Subcommands.Add(RetentionCommand.Create(context));

        // 'run' is the default: what the Windows service and the systemd unit start.
        root.Action = run.Action;
        return root;
    }
}
