using LinkService.Configuration;
using LinkService.Configuration.Loading;
using LinkService.Folders;
using LinkService.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.WindowsServices;
using Serilog;

namespace LinkService.Hosting;

/// <summary>What a host is built for: the service itself, or a one-shot command that needs the same parts.</summary>
internal enum HostPurpose
{
    Service,

    /// <summary>A command that changes the site (<c>link</c>, <c>keys init</c>); it logs where the service logs.</summary>
    Command,

    /// <summary>A command that only reads (<c>status</c>, <c>validate</c>, <c>check-config</c>): it creates nothing, so it logs to the console alone.</summary>
    ReadOnlyCommand,
}

/// <summary>Builds the host every command shares, from one configuration folder.</summary>
internal static class ServiceHost
{
    /// <summary>
    /// A Windows service starts in System32: relative folders must resolve against the install folder. Called
    /// before the configuration is loaded, which resolves them too.
    /// </summary>
    public static void UseInstallFolderUnderWindowsService()
    {
        if (WindowsServiceHelpers.IsWindowsService())
        {
            Environment.CurrentDirectory = AppContext.BaseDirectory;
        }
    }

    public static HostApplicationBuilder CreateBuilder(StartupConfiguration startup, HostPurpose purpose)
    {
        var catalog = startup.Catalog ?? throw new InvalidOperationException("The configuration has problems; check it before building a host.");

        var workingDirectory = Environment.CurrentDirectory;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "LinkService",
            ContentRootPath = startup.Directory,
            Args = [],
        });
        SettingsFiles.AddTo(builder.Configuration, startup.Directory, builder.Environment.EnvironmentName);
        LogPaths.ResolveWorkToken(builder.Configuration, workingDirectory);
        if (purpose != HostPurpose.Service)
        {
            LogPaths.ConsoleToStandardError(builder.Configuration);
        }

        var logConfiguration = purpose == HostPurpose.ReadOnlyCommand ? LogPaths.ConsoleSinksOnly(builder.Configuration) : builder.Configuration;

        // Each host has a logger of its own, disposed (and flushed) with the host; the static Log.Logger is
        // left alone, so that hosts in one process (a command beside the service in tests) never close or
        // reconfigure each other's logger.
        builder.Services.AddSerilog(
            (services, logger) => ReadSerilogSettings(logger, logConfiguration, startup)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext(),
            preserveStaticLogger: true);

        // Both switch on only under their service manager; in a console they do nothing.
        builder.Services.AddWindowsService(options => options.ServiceName = "LinkService");
        builder.Services.AddSystemd();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(60));

        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<System.IO.Abstractions.IFileSystem, System.IO.Abstractions.FileSystem>();
        builder.Services.AddServiceFolders(builder.Configuration, workingDirectory, startup.Directory);
        builder.Services.AddLinkServiceFeatures(builder.Configuration, catalog, purpose);
        return builder;
    }

    /// <summary>
    /// Serilog applies its section by calling each sink's method with the arguments given, so a value a sink cannot
    /// take ("rollingInterval": "Daily") is found only here, as the host is built. Said as a configuration problem.
    /// </summary>
    private static LoggerConfiguration ReadSerilogSettings(LoggerConfiguration logger, IConfiguration configuration, StartupConfiguration startup)
    {
        try
        {
            return logger.ReadFrom.Configuration(configuration);
        }
        catch (Exception ex)
        {
            var cause = ex;
            while (cause.InnerException is not null)
            {
                cause = cause.InnerException;
            }

            // Configuration holds no data values, so the library's own words may be repeated.
            var file = ConfigCatalogLoader.FileLabel(startup.Directory, SettingsFiles.FileName);
            throw new ConfigurationProblemException($"{file}: $.{AppSettingsShape.SerilogKey}: cannot be applied: {cause.Message}", ex);
        }
    }
}
