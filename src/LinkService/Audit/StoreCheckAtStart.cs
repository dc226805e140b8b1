using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LinkService.Audit;

/// <summary>
/// At start, hashes every stored copy against the ledger (<see cref="StoreIntegrity"/>) and reports any that was
/// altered at Critical level. In the background: reading a large store takes a while, and intake need not wait.
/// </summary>
internal sealed class StoreCheckAtStart : BackgroundService
{
    private readonly StoreIntegrity _store;
    private readonly ILogger<StoreCheckAtStart> _logger;

    public StoreCheckAtStart(StoreIntegrity store, ILogger<StoreCheckAtStart> logger)
    {
        _store = store;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var verification = await _store.CheckAsync(stoppingToken);
            foreach (var problem in verification.Problems)
            {
                Log.StoreAltered(_logger, problem);
            }

            if (verification.IsIntact)
            {
                Log.StoreIntact(_logger, verification.CopiesChecked);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before the check finished: the next start checks again.
        }
    }
}
