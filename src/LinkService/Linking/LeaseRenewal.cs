using LinkService.Hosting;
using LinkService.Ledger;
using LinkService.Ledger.Runs;
using Microsoft.Extensions.Logging;

namespace LinkService.Linking;

/// <summary>
/// Renews a run's lease every <see cref="LeaseTerms.RenewEvery"/> while the run works. If the ledger answers that the
/// run is no longer ours (it was taken over after the lease expired: a long pause of this process), the work is
/// cancelled through <see cref="Token"/>, since its new owner has recorded it as failed and may run the project again.
/// A renewal that fails (the database busy) is tried again at the next tick: the lease outlives several missed renewals.
/// </summary>
internal sealed class LeaseRenewal : IAsyncDisposable
{
    private readonly CancellationTokenSource _work;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LeaseRenewal(ILedger ledger, string runId, RunOwner owner, LeaseTerms terms, TimeProvider timeProvider, ILogger logger, CancellationToken cancellationToken)
    {
        _work = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _loop = RenewAsync(ledger, runId, owner, terms, timeProvider, logger);
    }

    /// <summary>The run's work token: cancelled by a stop request, or when the lease is lost.</summary>
    public CancellationToken Token => _work.Token;

    public bool Lost { get; private set; }

    public static LeaseRenewal Start(ILedger ledger, string runId, RunOwner owner, LeaseTerms terms, TimeProvider timeProvider, ILogger logger, CancellationToken cancellationToken) =>
        new(ledger, runId, owner, terms, timeProvider, logger, cancellationToken);

    /// <summary>Stops renewing; call before the run's outcome is recorded.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _work.Dispose();
    }

    private async Task RenewAsync(ILedger ledger, string runId, RunOwner owner, LeaseTerms terms, TimeProvider timeProvider, ILogger logger)
    {
        using var timer = new PeriodicTimer(terms.RenewEvery, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    if (!await ledger.RenewLeaseAsync(runId, owner, _stop.Token))
                    {
                        Lost = true;
                        Log.LeaseLost(logger, runId);
                        await _work.CancelAsync();
                        return;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.LeaseRenewalFailed(logger, SafeReason.Strip(ex), runId, SafeReason.Of(ex));
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The run finished.
        }
    }
}
