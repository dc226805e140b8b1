using LinkService.Ledger;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LinkService.Audit;

/// <summary>
/// At start, recomputes the ledger's audit chain and logs the outcome with the chain's head. A tampered
/// ledger is reported at Critical level, for the alerting that watches the log; the service goes on taking
/// deliveries, since refusing them would not undo the tampering. The logged head anchors the chain's end:
/// rows later cut from it leave a head older than one already in the log.
/// </summary>
internal sealed class AuditChainCheck : IHostedService
{
    private readonly ILedger _ledger;
    private readonly ILogger<AuditChainCheck> _logger;

    public AuditChainCheck(ILedger ledger, ILogger<AuditChainCheck> logger)
    {
        _ledger = ledger;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var verification = await _ledger.VerifyAuditChainAsync(cancellationToken);
        if (!verification.IsIntact)
        {
            Log.ChainBroken(_logger, verification.Problem ?? "unknown");
            return;
        }

        var head = await _ledger.GetAuditHeadAsync(cancellationToken);
        Log.ChainIntact(_logger, verification.RowsChecked, head?.Sequence ?? 0, head?.Hash ?? "none");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
