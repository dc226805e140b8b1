using LinkService.Configuration.Sources;
using LinkService.Intake.Scanning.Writers;
using LinkService.Intake.Waiting;

namespace LinkService.Intake.Scanning;

/// <summary>Whether a drop file may be taken now; if not, what it waits for and when to look again (null: on an event).</summary>
internal sealed record Readiness(bool Ready, string? WaitsFor, DateTimeOffset? LookAgainAt)
{
    public static readonly Readiness Now = new(true, null, null);
}

/// <summary>
/// Decides when a drop file is whole. Its writer first: a file still held open is never taken, however quiet. Then a
/// quiet period: the source's after a close the kernel reported, the long fallback when no close could be known. Then
/// the source's marker or checksum sidecar. (Whether the last record is cut off is seen while the file is copied; such
/// a file is held, and taken again to be refused if nothing more comes within the fallback quiet period.)
/// </summary>
internal sealed class ReadinessRules(CompletionTracker tracker, IWriterSignal writers, CompanionFiles companions, TimeSpan fallbackQuietPeriod, TimeProvider timeProvider)
{
    public Readiness Judge(SourceDefinition source, string folder, DropEntry entry)
    {
        // A link is refused at once: it is not an upload in progress, and it is never opened. A file with another name
        // (a hard link) waits like an upload, and is refused only if it still has one then: OpenSSH's sftp-server renames
        // a file by giving it the new name before it removes the old, so for an instant every upload renamed into
        // place has two.
        if (entry.IsLink)
        {
            return Readiness.Now;
        }

        if (entry.IsFolder)
        {
            return new Readiness(false, WaitsFor.NestedTooDeep, null);
        }

        var writer = writers.StateOf(folder, entry.Name);
        if (writer == WriterState.Open)
        {
            // Its close wakes intake.
            return Waiting(entry, WaitsFor.Writer, null);
        }

        if (tracker.Held(entry) is { } held)
        {
            // Found still arriving when taken (its last record cut off, or it changed while copied): what it waits for
            // may still come (a resumed upload appends the rest), for a while; then it is taken again.
            var givenUpAt = held.Since + fallbackQuietPeriod;
            return givenUpAt > timeProvider.GetUtcNow() ? Waiting(entry, held.WaitsFor, givenUpAt) : Readiness.Now;
        }

        var quiet = writer == WriterState.Closed ? source.Completion.QuietPeriod : Longest(source.Completion.QuietPeriod, fallbackQuietPeriod);
        var quietAt = tracker.QuietAt(entry, quiet);

        if (quietAt > timeProvider.GetUtcNow())
        {
            return Waiting(entry, writer == WriterState.Closed ? WaitsFor.Quiet(quiet) : WaitsFor.QuietUnknownWriter(quiet, entry.InSubFolder), quietAt);
        }

        // A file that will be refused (a name with control characters or not UTF-8, another name) waits for no marker:
        // it would wait for ever.
        return !entry.InSubFolder && !entry.HasOtherNames && source.MatchesFileName(entry.Name) && DropNames.Problem(entry.Name) is null && !companions.IsPresent(source, entry)
            ? Waiting(entry, WaitsFor.Companion(source), null)
            : Readiness.Now;
    }

    private static Readiness Waiting(DropEntry entry, string reason, DateTimeOffset? lookAgainAt) =>
        new(false, entry.InSubFolder ? WaitsFor.InSubFolder(reason) : entry.HasOtherNames ? WaitsFor.OtherName(reason) : reason, lookAgainAt);

    private static TimeSpan Longest(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
