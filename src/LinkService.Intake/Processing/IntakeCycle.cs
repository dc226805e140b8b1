using LinkService.Configuration;
using LinkService.Configuration.Folders;
using LinkService.Configuration.Sources;
using LinkService.Intake.Scanning;
using LinkService.Intake.Storage;
using LinkService.Intake.Scanning.Writers;
using LinkService.Intake.Waiting;
using LinkService.Ledger;
using LinkService.Ledger.Deliveries;
using Microsoft.Extensions.Logging;

namespace LinkService.Intake.Processing;

/// <summary>
/// One pass of intake: resume what the ledger shows unfinished, then scan drop folders and take every file
/// that is complete. The scan is the truth; watchers only say when to run one sooner.
/// </summary>
internal sealed class IntakeCycle(
    ConfigCatalog catalog,
    ServicePaths paths,
    ILedger ledger,
    DropFolderScanner scanner,
    CompletionTracker tracker,
    IWriterSignal writers,
    ReadinessRules rules,
    WaitingFiles report,
    NamePatterns temporaryNames,
    DeliveryIntake intake,
    DeliveryRecovery recovery,
    ILogger logger)
{
    /// <summary>Runs the pass over <paramref name="sources"/> (all when null); returns when a file now waiting will have been quiet long enough.</summary>
    public async Task<DateTimeOffset?> RunAsync(IReadOnlySet<string>? sources, CancellationToken cancellationToken)
    {
        var awaiting = await ResumeUnsettledAsync(cancellationToken);
        DateTimeOffset? wake = null;
        foreach (var source in catalog.Sources.Values.Where(s => sources is null || sources.Contains(s.Name)))
        {
            try
            {
                wake = Earliest(wake, await ScanAsync(source, awaiting, cancellationToken));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
            {
                Log.ScanFailed(logger, exception, source.Name);
            }
        }

        await report.PublishAsync(cancellationToken);
        return wake;
    }

    /// <summary>Resumes unsettled deliveries; returns those waiting for their drop file, by source and name.</summary>
    private async Task<Dictionary<(string Source, string Name), Delivery>> ResumeUnsettledAsync(CancellationToken cancellationToken)
    {
        var awaiting = new Dictionary<(string, string), Delivery>();
        foreach (var listed in await ledger.GetUnsettledDeliveriesAsync(cancellationToken))
        {
            if (!catalog.Sources.TryGetValue(listed.Source, out var source))
            {
                Log.UnknownSource(logger, listed.Id, listed.Source);
                continue;
            }

            await using var claim = await ledger.TryClaimDropFileAsync(listed.Source, listed.OriginalName, cancellationToken);
            if (claim is null)
            {
                // Another node is at work on it; if that node dies, its claim goes with it and a later pass resumes it.
                Log.DeliveryClaimedElsewhere(logger, listed.Id, listed.Source);
                continue;
            }

            // Read again under the claim: another node may have moved it on since the list was read.
            if (await ledger.GetDeliveryAsync(listed.Id, cancellationToken) is { SettledAt: null } delivery
                && !await recovery.ResumeAsync(source, delivery, cancellationToken))
            {
                awaiting.TryAdd((delivery.Source, delivery.OriginalName), delivery);
            }
        }

        return awaiting;
    }

    private async Task<DateTimeOffset?> ScanAsync(SourceDefinition source, Dictionary<(string Source, string Name), Delivery> awaiting, CancellationToken cancellationToken)
    {
        var folder = paths.InboxFolder(source.Name);
        var entries = scanner.List(folder);

        // After the listing, which creates a missing folder: files that arrive from now on are followed from their start.
        writers.Watch(folder);
        await ReportWrittenAfterTakenAsync(source, folder, cancellationToken);
        tracker.KeepOnly(folder, entries.Select(e => e.Path));
        DateTimeOffset? wake = null;
        var waiting = new List<WaitingFile>();
        foreach (var entry in entries.OrderBy(e => e.LastWriteUtc).ThenBy(e => e.Name, StringComparer.Ordinal))
        {
            if (temporaryNames.Matches(entry.LeafName) || DeliveryFiles.IsAside(entry.LeafName) || (!entry.InSubFolder && CompanionFiles.IsCompanion(source, entry.Name)))
            {
                continue;
            }

            var readiness = rules.Judge(source, folder, entry);
            if (!readiness.Ready)
            {
                wake = Earliest(wake, readiness.LookAgainAt);
                waiting.Add(new WaitingFile(source.Name, entry.Name, tracker.FirstSeen(entry), readiness.WaitsFor!));
                continue;
            }

            awaiting.Remove((source.Name, entry.Name), out var existing);
            await using var claim = await ledger.TryClaimDropFileAsync(source.Name, entry.Name, cancellationToken);
            if (claim is null)
            {
                // Another node is taking it: the loser leaves the file alone.
                Log.DropFileClaimedElsewhere(logger, source.Name, entry.Name);
                continue;
            }

            if (!scanner.StillAsListed(folder, entry))
            {
                // Taken by another node since the listing (or changed): the next scan sees what is there now.
                continue;
            }

            existing = await ReceivedAsync(source.Name, entry.Name, existing, cancellationToken);
            if (await intake.TakeAsync(source, entry, existing, givenUp: tracker.Held(entry) is not null, cancellationToken) is { } stillWaitsFor)
            {
                tracker.Hold(entry, stillWaitsFor);
                waiting.Add(new WaitingFile(source.Name, entry.Name, tracker.FirstSeen(entry), stillWaitsFor));
            }
            else
            {
                tracker.Forget(entry.Path);
            }
        }

        report.Set(source.Name, waiting);
        return wake;
    }

    /// <summary>
    /// A writer that still held a file intake took (no close could be known: it was there before a restart) and wrote
    /// on after intake removed it: those bytes are in no delivery. Said loudly, naming the delivery, so that the
    /// department can be asked for the file again; a file the department removed itself names none.
    /// </summary>
    private async Task ReportWrittenAfterTakenAsync(SourceDefinition source, string folder, CancellationToken cancellationToken)
    {
        foreach (var name in writers.TakeWrittenAfterRemoval(folder))
        {
            var recent = await ledger.GetRecentDeliveriesAsync(source.Name, 100, cancellationToken);
            if (recent.FirstOrDefault(d => d.OriginalName == name && d.StoredAt is not null) is { } taken)
            {
                Log.WrittenAfterTaken(logger, taken.Id, source.Name);
            }
        }
    }

    /// <summary>
    /// The delivery that received the drop file and waits to take it again, read under its claim: the one listed at the
    /// pass's start if it is still received, or one another node recorded since and left waiting (its copy found the
    /// file still changing).
    /// </summary>
    private async Task<Delivery?> ReceivedAsync(string source, string name, Delivery? listed, CancellationToken cancellationToken)
    {
        var current = listed is null ? null : await ledger.GetDeliveryAsync(listed.Id, cancellationToken);
        if (current is { State: DeliveryState.Received, SettledAt: null })
        {
            return current;
        }

        var unsettled = await ledger.GetUnsettledDeliveriesAsync(cancellationToken);
        return unsettled.FirstOrDefault(d => d.Source == source && d.OriginalName == name && d.State == DeliveryState.Received);
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
