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
        foreach (var delivery in await ledger.GetUnsettledDeliveriesAsync(cancellationToken))
        {
            if (!catalog.Sources.TryGetValue(delivery.Source, out var source))
            {
                Log.UnknownSource(logger, delivery.Id, delivery.Source);
            }
            else if (!await recovery.ResumeAsync(source, delivery, cancellationToken))
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
            if (await intake.TakeAsync(source, entry, existing, cancellationToken) is { } stillWaitsFor)
            {
                tracker.Hold(entry);
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

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
