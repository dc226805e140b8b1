using System.CommandLine;
using System.Globalization;
using LinkService.Configuration;
using LinkService.Configuration.Folders;
using LinkService.Folders;
using LinkService.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace LinkService.Cli.Commands;

/// <summary><c>linkservice run</c>: the service, until stopped.</summary>
internal static class RunCommand
{
    private static int _running;

    /// <summary>True while the service's host owns the process's stop signals.</summary>
    public static bool IsRunning => Volatile.Read(ref _running) == 1;

    public static Command Create(CliContext context)
    {
        var command = new Command("run", "Run the service (the default; what the Windows service and systemd unit start).");
        command.SetAction((parseResult, cancellationToken) => RunAsync(CommonOptions.ConfigDirectory(parseResult), context, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(string configDirectory, CliContext context, CancellationToken cancellationToken)
    {
        // Serilog's two-stage start: a console logger until the configured one is built, so that
        // a failure before then is still reported.
        Log.Logger = new LoggerConfiguration()
            .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture)
            .CreateBootstrapLogger();
        try
        {
            var startup = StartupConfiguration.Load(configDirectory);
            if (startup.Problems.Count > 0)
            {
                await ConfigurationReport.WriteProblemsAsync(context.Error, startup.Problems);
                return ExitCodes.UsageOrConfiguration;
            }

            using var host = ServiceHost.CreateBuilder(startup, HostPurpose.Service).Build();
            var optionProblems = StartupValidation.Run(host, startup.AppSettingsPath);
            if (optionProblems.Count > 0)
            {
                await ConfigurationReport.WriteProblemsAsync(context.Error, optionProblems);
                return ExitCodes.UsageOrConfiguration;
            }

            FolderBootstrapper.EnsureCreated(host.Services.GetRequiredService<ServicePaths>(), host.Services.GetRequiredService<ConfigCatalog>());
            Interlocked.Exchange(ref _running, 1);
            await host.RunAsync(cancellationToken);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.Fatal(ex, "LinkService stopped unexpectedly");
            return ExitCodes.Problem;
        }
        finally
        {
            Interlocked.Exchange(ref _running, 0);
            await Log.CloseAndFlushAsync();
        }
    }
}
