using System.Globalization;
using System.Text;
using LinkService.Audit;
using LinkService.Intake.Waiting;
using LinkService.Ledger.Audit;
using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Runs;
using LinkService.Ledger.Status;

namespace LinkService.Status;

/// <summary>The text of <c>linkservice status</c>: deliveries by state per source, recent runs, the audit chain's check and the store's.</summary>
internal static class StatusReport
{
    public static string Render(StatusFacts facts)
    {
        var (status, audit, store, waiting, now) = (facts.Ledger, facts.Audit, facts.Store, facts.Waiting, facts.Now);
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine("Deliveries");
        text.AppendLine(inv, $"  {"source",-20} {"accepted",9} {"held",9} {"rejected",9} {"duplicate",9} {"refused",9} {"in progress",12}");
        foreach (var source in facts.Sources)
        {
            var cells = StatusFacts.Outcomes.Select(state => facts.Count(source, s => s == state).ToString(inv).PadLeft(9));
            var inProgress = facts.Count(source, s => !StatusFacts.Outcomes.Contains(s));
            text.AppendLine(inv, $"  {source,-20} {string.Join(' ', cells)} {inProgress,12}");
        }

        StatusSchedule.AppendSources(text, facts.SourceStates);
        AppendRecentDeliveries(text, facts.RecentDeliveries);
        AppendWaiting(text, waiting, now);
        text.AppendLine();
        text.AppendLine("Linkage runs (most recent first)");
        if (status.RecentRuns.Count == 0)
        {
            text.AppendLine("  none yet");
        }

        foreach (var run in status.RecentRuns)
        {
            text.AppendLine(inv, $"  {run.Id}  {run.Project}  {Describe(run)}");
        }

        StatusSchedule.AppendProjects(text, facts.Projects, Describe);
        AppendApprovals(text, status.AwaitingApproval);
        text.AppendLine();
        text.AppendLine(audit.IsIntact
            ? string.Create(inv, $"Audit chain: intact ({audit.RowsChecked} rows)")
            : $"Audit chain: BROKEN, {audit.Problem}");
        text.AppendLine(store.IsIntact
            ? string.Create(inv, $"Store: intact ({store.CopiesChecked} stored copies match their digests)")
            : string.Create(inv, $"Store: ALTERED, {string.Join("; ", store.Problems)}"));
        return text.ToString();
    }

    /// <summary>The latest deliveries, newest first, each with its outcome and its first reason (rule names and rows, never values).</summary>
    private static void AppendRecentDeliveries(StringBuilder text, IReadOnlyList<Delivery> recent)
    {
        text.AppendLine();
        text.AppendLine("Recent deliveries (most recent first)");
        if (recent.Count == 0)
        {
            text.AppendLine("  none yet");
        }

        foreach (var delivery in recent)
        {
            var reasons = delivery.Reasons.Count switch
            {
                0 => "",
                1 => $": {delivery.Reasons[0]}",
                var n => string.Create(CultureInfo.InvariantCulture, $": {delivery.Reasons[0]} (and {n - 1} more)"),
            };
            text.AppendLine(CultureInfo.InvariantCulture, $"  {Time(delivery.ReceivedAt)}  {delivery.Source,-20} {delivery.OriginalName}  {StatusWords.Outcome(delivery.State)}{reasons}");
        }
    }

    /// <summary>Files intake has seen and not taken: how long each has waited and for what (names as intake escaped them).</summary>
    private static void AppendWaiting(StringBuilder text, WaitingReport? waiting, DateTimeOffset now)
    {
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine();
        if (waiting is null)
        {
            text.AppendLine("Waiting in drop folders: not known (the service has not scanned them yet)");
            return;
        }

        // Intake rewrites the list only when it changes, so its time says since when it holds, not when intake last looked.
        text.AppendLine(inv, $"Waiting in drop folders (as intake lists them, unchanged since {waiting.WrittenAt:yyyy-MM-dd HH:mm:ss}Z)");
        if (waiting.Files.Count == 0)
        {
            text.AppendLine("  none");
        }

        foreach (var file in waiting.Files)
        {
            text.AppendLine(inv, $"  {file.Source,-20} {file.Name}  waiting {Duration(now - file.Since)} for {file.WaitsFor}");
        }
    }

    /// <summary>Runs held for the custodian, oldest first, with their disclosure verdicts and the commands that decide them.</summary>
    private static void AppendApprovals(StringBuilder text, IReadOnlyList<LinkageRun> held)
    {
        text.AppendLine();
        if (held.Count == 0)
        {
            text.AppendLine("Approvals waiting: none");
            return;
        }

        text.AppendLine("Approvals waiting (approve or reject with linkservice approve|reject --project P --run R)");
        foreach (var run in held)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {run.Id}  {run.Project}  {Verdict(run.Check)}");
        }
    }

    private static string Verdict(RunCheck? check) => check is null
        ? "not checked"
        : string.Create(CultureInfo.InvariantCulture, $"disclosure verdict {check.Verdict}, {check.Findings} finding{(check.Findings == 1 ? "" : "s")} to review");

    private static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes} min")
        : span.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min {span.Seconds} s")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)span.TotalSeconds)} s");

    private static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>What the service does with a run whose owner died: linking is redone whole by a new run; a later stage is resumed.</summary>
    private static string Recovery(RunStage stage) =>
        stage == RunStage.Linking
            ? "the service records the run failed and, if the project is scheduled, links it again in a new run"
            : "the service resumes the run from where it stopped";

    public static string Describe(LinkageRun run)
    {
        var inv = CultureInfo.InvariantCulture;
        var started = run.StartedAt.ToString("yyyy-MM-dd HH:mm:ss'Z'", inv);
        var counts = string.Concat(run.Counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $", {c.Key} {c.Value.ToString(inv)}"));
        return run.State switch
        {
            RunState.Running => $"running since {started}" + (run.Stage == RunStage.Linking ? "" : $", {run.Stage.ToString().ToLowerInvariant()}") + (run.Lease is { } lease
                ? $" in {lease.Owner}, lease until {lease.ExpiresAt.ToString("yyyy-MM-dd HH:mm:ss'Z'", inv)}"
                    + (OwnerProcess.IsRunning(lease.Owner) == false ? "; that process is no longer running: " + Recovery(run.Stage) + " once the lease runs out (at its next start, if it is not running)" : "")
                : ", with no lease (left by an older version; taken over at the next start)"),
            RunState.Completed when run.Stage == RunStage.Published =>
                $"published {Time(run.FinishedAt!.Value)} (approved by {run.Decision?.By}; {Verdict(run.Check)}){counts}",
            RunState.Completed => $"completed {started} in {(run.FinishedAt!.Value - run.StartedAt).TotalSeconds.ToString("0", inv)} s{counts}",
            RunState.Held => $"held for approval (started {started}): {Verdict(run.Check)}",
            RunState.Rejected => $"rejected by {run.Decision?.By} at {Time(run.Decision!.At)}: {run.Decision.Reason}",
            _ => $"failed {started}" + (run.Stage == RunStage.Linking ? "" : $" after stage {run.Stage.ToString().ToLowerInvariant()}") + $": {run.FailureReason}",
        };
    }
}
