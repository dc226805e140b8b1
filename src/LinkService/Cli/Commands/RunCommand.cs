using System.CommandLine;
using LinkService.Cluster;
using LinkService.Configuration;
using LinkService.Configuration.Folders;
using LinkService.Folders;
using LinkService.Hosting;
using LinkService.Keys;
using LinkService.Ledger;
using LinkService.Site;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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
        ServiceHost.UseInstallFolderUnderWindowsService();
        var startup = StartupConfiguration.Load(configDirectory);
        if (startup.Problems.Count > 0)
        {
            await ConfigurationReport.WriteProblemsAsync(context.Error, startup.Problems);
            return ExitCodes.UsageOrConfiguration;
        }

        using var host = ServiceHost.CreateBuilder(startup, HostPurpose.Service).Build();
        var optionProblems = StartupValidation.Run(host, startup);
        if (optionProblems.Count > 0)
        {
            await ConfigurationReport.WriteProblemsAsync(context.Error, optionProblems);
            return ExitCodes.UsageOrConfiguration;
        }

        var paths = host.Services.GetRequiredService<ServicePaths>();
        FolderBootstrapper.CreateOwnerOnly(paths.WorkRoot);
        var cluster = host.Services.GetRequiredService<ClusterMode>();
        using var site = cluster.Enabled ? SiteLock.TryAcquireNode(paths, cluster.Node.EffectiveNodeName, out var holder) : SiteLock.TryAcquire(paths, out holder);
        if (site is null)
        {
            var which = cluster.Enabled ? $"node {cluster.Node.EffectiveNodeName} of this cluster" : "this site";
            await context.Error.WriteLineAsync(
                $"Another LinkService service is running on {which} ({(holder is { } pid ? $"process {pid}" : "process id not known yet")}, work folder {paths.WorkRoot}). "
                + (cluster.Enabled ? "One service per node: stop that one first, or give this node a name of its own (LinkService:Cluster:NodeName)." : "One service per site: stop that one first."));
            return ExitCodes.UsageOrConfiguration;
        }

        // Resolved now: the host, and its logger, must outlive whatever goes wrong below.
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LinkService");
        try
        {
            if (cluster.Enabled)
            {
                Cluster.Log.NodeHeld(logger, cluster.Node.EffectiveNodeName, Environment.ProcessId, paths.WorkRoot);
            }
            else
            {
                Hosting.Log.SiteHeld(logger, paths.WorkRoot, Environment.ProcessId);
            }

            if (FolderBootstrapper.CloseToOthers(paths.WorkRoot) is { } loose)
            {
                Hosting.Log.WorkFolderTightened(logger, paths.WorkRoot, Convert.ToString((int)loose, 8));
            }

            FolderBootstrapper.EnsureCreated(paths, host.Services.GetRequiredService<ConfigCatalog>());
            var key = await MasterKeySetup.PrepareAsync(paths, host.Services.GetRequiredService<ILedger>(), cancellationToken);
            if (key.Problem is { } problem)
            {
                // Exit 2, as for configuration: restarting cannot bring a key back, only an operator can.
                Keys.Log.MasterKeyUnusable(logger, problem);
                await context.Error.WriteLineAsync($"LinkService refuses to start: {problem}.");
                return ExitCodes.UsageOrConfiguration;
            }

            if (key.Created)
            {
                Keys.Log.MasterKeyCreated(logger, paths.MasterKeyFile);
            }

            Interlocked.Exchange(ref _running, 1);
            await host.StartAsync(cancellationToken);
            await host.WaitForShutdownAsync(cancellationToken);
            Hosting.Log.ServiceStopped(logger);
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while still starting: stop what did start, as for any other stop.
            await host.StopAsync(CancellationToken.None);
            Hosting.Log.ServiceStopped(logger);
            return ExitCodes.Success;
        }
        catch (Exception ex)
        {
            // The service's log has the details; the console gets what went wrong.
            var withheld = SafeReason.Strip(ex);
            Hosting.Log.ServiceFailed(logger, withheld);
            await context.Error.WriteLineAsync($"LinkService stopped unexpectedly: {SafeReason.Of(ex)}");
            return ExitCodes.Problem;
        }
        finally
        {
            Interlocked.Exchange(ref _running, 0);
        }
    }
}
