using LinkService.Ledger;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LinkService.Audit;

/// <summary>
/// At start, checks that the ledger tells the truth (<see cref="LedgerIntegrity"/>) and logs the outcome with the
/// chain's head. A tampered ledger is reported at Critical level, for the alerting that watches the log; the
/// service goes on taking deliveries, since refusing them would not undo the tampering, but no linkage run
/// starts on a ledger that fails the check.
/// </summary>
internal sealed class AuditChainCheck : IHostedService
{
    private readonly LedgerIntegrity _integrity;
    private readonly ILedger _ledger;
    private readonly ILogger<AuditChainCheck> _logger;

    public AuditChainCheck(LedgerIntegrity integrity, ILedger ledger, ILogger<AuditChainCheck> logger)
    {
        _integrity = integrity;
        _ledger = ledger;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var verification = await _integrity.CheckAsync(cancellationToken);
        if (!verification.IsIntact)
        {
            Log.ChainBroken(_logger, verification.Problem ?? "unknown");
            return;
        }

        var head = await _ledger.GetAuditHeadAsync(cancellationToken);
        Log.ChainIntact(_logger, verification.RowsChecked, head?.Sequence ?? 0, head?.Mac ?? "none");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
