using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LinkService.Intake.Hosting;

/// <summary>Asks for a full sweep every <see cref="IntakeOptions.SweepInterval"/> where no scheduler does (intake hosted on its own).</summary>
internal sealed class PeriodicSweep(IntakeSweeps sweeps, IOptions<IntakeOptions> options, TimeProvider timeProvider) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await sweeps.SweepAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
