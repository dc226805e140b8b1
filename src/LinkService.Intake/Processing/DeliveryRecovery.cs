using System.IO.Abstractions;
using LinkService.Configuration.Sources;
using LinkService.Intake.Storage;
using LinkService.Ledger;
using LinkService.Ledger.Deliveries;
using Microsoft.Extensions.Logging;

namespace LinkService.Intake.Processing;

/// <summary>
/// Resumes a delivery an earlier run left unsettled, from what the ledger and the folders say:
/// <list type="bullet">
/// <item>received, store copy present: the rename happened, the ledger update did not; hash the copy and go on.</item>
/// <item>received, drop original present: the copy did not finish; the scan takes the file again once quiet.</item>
/// <item>received, neither: the file left the drop folder before it was stored; refused, so that the record ends.</item>
/// <item>stored: remove the original if still there, then check and settle.</item>
/// <item>final: put files where the state says, then settle.</item>
/// </list>
/// </summary>
internal sealed class DeliveryRecovery
{
    public const string Vanished = "the file left the drop folder before it was stored";

    private readonly ILedger _ledger;
    private readonly IFileSystem _fileSystem;
    private readonly DeliveryFiles _files;
    private readonly HashingCopier _copier;
    private readonly DeliveryCompletion _completion;
    private readonly ILogger _logger;

    public DeliveryRecovery(ILedger ledger, IFileSystem fileSystem, DeliveryFiles files, HashingCopier copier, DeliveryCompletion completion, ILogger logger)
    {
        _ledger = ledger;
        _fileSystem = fileSystem;
        _files = files;
        _copier = copier;
        _completion = completion;
        _logger = logger;
    }

    /// <summary>Advances the delivery as far as it can; false when it waits for the scan to take its drop file again.</summary>
    public async Task<bool> ResumeAsync(SourceDefinition source, Delivery delivery, CancellationToken cancellationToken)
    {
        var store = _files.Store(source.Name, delivery.Id, delivery.OriginalName);
        if (delivery.State == DeliveryState.Received && !_fileSystem.File.Exists(store))
        {
            var drop = _fileSystem.FileInfo.New(_files.Drop(source.Name, delivery.OriginalName));
            if (drop.Exists || drop.LinkTarget is not null)
            {
                return false;
            }
        }

        Log.Resuming(_logger, delivery.Id, delivery.Source, delivery.State);
        try
        {
            switch (delivery.State)
            {
                case DeliveryState.Received when _fileSystem.File.Exists(store):
                    var hashed = await _copier.HashAsync(store, cancellationToken);
                    var stored = await _ledger.MarkStoredAsync(delivery.Id, new StoredFile(store, hashed.Sha256, hashed.Bytes), cancellationToken);
                    await _completion.FinishAsync(source, stored, cancellationToken);
                    break;
                case DeliveryState.Received:
                    await _completion.RefuseAsync(source, delivery, [Vanished], null, null, cancellationToken);
                    break;
                case DeliveryState.Stored:
                    await _completion.FinishAsync(source, delivery, cancellationToken);
                    break;
                default:
                    await _completion.SettleAsync(source, delivery, cancellationToken);
                    break;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.DeliveryFailed(_logger, exception, delivery.Id, delivery.Source);
        }

        return true;
    }
}
