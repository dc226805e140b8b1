using System.IO.Abstractions;
using LinkService.Intake.Checks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LinkService.Intake.Tests.Support;

/// <summary>Intake as the service runs it: a generic host with <c>AddIntake</c>, real time, real watchers, over a harness's folders.</summary>
public sealed class RunningIntake : IAsyncDisposable
{
    private RunningIntake(IHost host) => Host = host;

    public IHost Host { get; }

    public static IHost Build(IntakeHarness harness, IDeliveryCheck? check, IDictionary<string, string?>? settings = null, IFileSystem? fileSystem = null, bool scheduledSweeps = false)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>
        {
            ["LinkService:Intake:SweepInterval"] = "00:00:00.500",
            ["LinkService:Intake:HintDelay"] = "00:00:00.100",
        });
        builder.Logging.ClearProviders().AddProvider(harness.Logs);
        builder.Services.AddSingleton(harness.Catalog);
        builder.Services.AddSingleton(harness.Paths);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(fileSystem ?? new FileSystem());
        if (check is not null)
        {
            builder.Services.AddSingleton(check);
        }
        builder.Services.AddIntake(builder.Configuration);
        if (scheduledSweeps)
        {
            builder.Services.WithScheduledSweeps();
        }

        return builder.Build();
    }

    public static async Task<RunningIntake> StartAsync(IntakeHarness harness, IDeliveryCheck check)
    {
        var host = Build(harness, check);
        await host.StartAsync();
        return new RunningIntake(host);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
