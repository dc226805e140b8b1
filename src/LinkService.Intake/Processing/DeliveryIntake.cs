using System.IO.Abstractions;
using LinkService.Configuration.Sources;
using LinkService.Intake.Scanning;
using LinkService.Intake.Storage;
using LinkService.Intake.Waiting;
using LinkService.Ledger;
using LinkService.Ledger.Deliveries;
using Microsoft.Extensions.Logging;

namespace LinkService.Intake.Processing;

/// <summary>
/// Takes a complete drop file: records it, refuses it or copies it into staging while hashing, renames the
/// durable copy into the store, records it stored, and hands it on. The drop original stays until the
/// ledger says the store holds it.
/// </summary>
internal sealed class DeliveryIntake(
    ILedger ledger,
    IFileSystem fileSystem,
    DeliveryFiles files,
    HashingCopier copier,
    CompanionFiles companions,
    DeliveryCompletion completion,
    TimeSpan restOfRecordWait,
    TimeProvider timeProvider,
    ILogger logger)
{
    public const string ChecksumMismatch = "the SHA-256 in the .sha256 file does not match the file";
    public const string ChecksumUnreadable = "the .sha256 file does not state a SHA-256 digest";

    /// <summary>
    /// Takes <paramref name="entry"/>, continuing <paramref name="existing"/> if an earlier attempt recorded it. Returns
    /// null when done with the file for now, or what it turned out to wait for (it changed while copied, or its last
    /// record is cut off): it is then not copied again until it changes, or, <paramref name="givenUp"/> on it after
    /// <c>restOfRecordWait</c>, it is taken again and a last record still cut off is refused.
    /// </summary>
    public async Task<string?> TakeAsync(SourceDefinition source, DropEntry entry, Delivery? existing, bool givenUp, CancellationToken cancellationToken)
    {
        Delivery delivery;
        if (existing is null)
        {
            delivery = await ledger.RecordReceivedAsync(new NewDelivery(source.Name, entry.Name, entry.Length, entry.LastWriteUtc), cancellationToken);
            Log.Received(logger, delivery.Id, source.Name);
        }
        else
        {
            // The file changed since the earlier attempt: the original is removed later only if it is the file now copied.
            delivery = existing.DropBytes == entry.Length && existing.DropModified == entry.LastWriteUtc
                ? existing
                : await ledger.RecordRetakenAsync(existing.Id, entry.Length, entry.LastWriteUtc, cancellationToken);
        }

        try
        {
            return await StoreAsync(source, entry, delivery, givenUp, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Any failure but our own stop, a check's own time-out included: the delivery is taken again, the pass goes on.
            Log.DeliveryFailed(logger, exception, delivery.Id, source.Name);
            return null;
        }
    }

    private async Task<string?> StoreAsync(SourceDefinition source, DropEntry entry, Delivery delivery, bool givenUp, CancellationToken cancellationToken)
    {
        var refusals = RefusalRules.Check(source, entry);
        if (refusals.Count > 0)
        {
            await completion.RefuseAsync(source, delivery, refusals, entry.IsLink || entry.HasOtherNames ? null : entry.Length, null, cancellationToken);
            return null;
        }

        var staging = files.Staging(delivery.Id, delivery.OriginalName);
        fileSystem.Directory.CreateDirectory(files.Paths.StagingRoot);
        var started = timeProvider.GetTimestamp();
        CopyResult copy;
        var recordEnd = RecordEnd.For(source);
        try
        {
            copy = await copier.CopyAsync(entry.Path, staging, source.MaxBytes, recordEnd, cancellationToken);
        }
        catch (HardLinkException)
        {
            // Given another name after the scan: refused now as the scan would refuse it, not tried again.
            await completion.RefuseAsync(source, delivery, [RefusalRules.HardLink], null, null, cancellationToken);
            return null;
        }
        catch
        {
            // A part copy of identifiable data is not left lying in staging until the next start, nor the space it takes
            // (a full disk is a likely cause); the delivery stays received and is copied again.
            fileSystem.File.Delete(staging);
            throw;
        }

        if (copy.TooLarge || !Unchanged(entry, copy.Bytes))
        {
            fileSystem.File.Delete(staging);
            if (copy.TooLarge)
            {
                await completion.RefuseAsync(source, delivery, [RefusalRules.TooLarge(source)], copy.Bytes, null, cancellationToken);
                return null;
            }

            // Still being written after all: the delivery stays received and is taken once quiet again.
            Log.ChangedWhileCopying(logger, delivery.Id, source.Name);
            return WaitsFor.NoChangeAfterCopy;
        }

        if (recordEnd is { IsCutOff: true })
        {
            // Quiet and closed, yet the writer stopped mid-record: the rest may still come (a resumed upload appends it).
            // Once it has not for a while, the file is refused, kept whole in quarantine: taken as it is, its last row
            // would be part of a row that might pass as whole.
            fileSystem.File.Delete(staging);
            if (givenUp)
            {
                await completion.RefuseAsync(source, delivery, [RefusalRules.CutOff(restOfRecordWait)], copy.Bytes, copy.Sha256, cancellationToken);
                return null;
            }

            Log.CutOff(logger, delivery.Id, source.Name);
            return WaitsFor.RestOfRecord(restOfRecordWait);
        }

        if (source.Completion.Signal == CompletionSignal.Checksum
            && await ChecksumProblemAsync(entry.Path, copy.Sha256, cancellationToken) is { } problem)
        {
            fileSystem.File.Delete(staging);
            await completion.RefuseAsync(source, delivery, [problem], copy.Bytes, copy.Sha256, cancellationToken);
            return null;
        }

        var store = files.Store(source.Name, delivery.Id, delivery.OriginalName);
        fileSystem.Directory.CreateDirectory(files.Paths.StoreFolder(source.Name));
        fileSystem.File.Move(staging, store, overwrite: true);
        var stored = await ledger.MarkStoredAsync(delivery.Id, new StoredFile(copy.Sha256, copy.Bytes), cancellationToken);
        var elapsedMs = (long)timeProvider.GetElapsedTime(started).TotalMilliseconds;
        Log.Stored(logger, stored.Id, source.Name, copy.Bytes, elapsedMs);
        await completion.FinishAsync(source, stored, cancellationToken);
        return null;
    }

    /// <summary>Whether the drop file is still a plain file of the size and time it had when judged complete.</summary>
    private bool Unchanged(DropEntry entry, long copied)
    {
        var after = fileSystem.FileInfo.New(entry.Path);
        return after.Exists && after.LinkTarget is null && copied == entry.Length && after.Length == entry.Length && new DateTimeOffset(after.LastWriteTimeUtc) == entry.LastWriteUtc;
    }

    private async Task<string?> ChecksumProblemAsync(string dropPath, string actual, CancellationToken cancellationToken)
    {
        var expected = await companions.ExpectedSha256Async(dropPath, cancellationToken);
        return expected is null ? ChecksumUnreadable : expected == actual ? null : ChecksumMismatch;
    }
}
