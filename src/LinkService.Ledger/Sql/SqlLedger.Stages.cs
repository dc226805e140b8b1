using System.Data.Common;
using System.Text.Json;
using LinkService.Ledger.Audit;
using LinkService.Ledger.Runs;
using static LinkService.Ledger.Sql.DbCommands;

namespace LinkService.Ledger.Sql;

/// <summary>The stages of a run's pipeline: each a transition of <see cref="RunTransitions"/>, written with its audit row in one transaction.</summary>
internal sealed partial class SqlLedger
{
    public Task<LinkageRun> RecordLinkedAsync(string runId, RunOwner owner, IReadOnlyDictionary<string, long> counts, CancellationToken cancellationToken) =>
        ChangeRunAsync(runId, (run, _) => RunTransitions.Linked(run, owner, counts), cancellationToken);

    public Task<LinkageRun> RecordAnonymisedAsync(string runId, RunOwner owner, CancellationToken cancellationToken) =>
        ChangeRunAsync(runId, (run, _) => RunTransitions.Anonymised(run, owner), cancellationToken);

    public Task<LinkageRun> RecordCheckedAsync(string runId, RunOwner owner, RunCheck check, CancellationToken cancellationToken) =>
        ChangeRunAsync(runId, (run, _) => RunTransitions.Checked(run, owner, check), cancellationToken);

    public Task<LinkageRun> HoldRunAsync(string runId, RunOwner owner, CancellationToken cancellationToken) =>
        ChangeRunAsync(runId, (run, _) => RunTransitions.Held(run, owner), cancellationToken);

    public Task<LinkageRun> ApproveAutomaticallyAsync(string runId, RunOwner owner, CancellationToken cancellationToken) =>
        ChangeRunAsync(runId, (run, now) => RunTransitions.ApprovedAutomatically(run, owner, now), cancellationToken);

    public Task<LinkageRun> RecordPublishedAsync(string runId, RunOwner owner, CancellationToken cancellationToken) =>
        ChangeRunAsync(runId, (run, now) => RunTransitions.Published(run, owner, now), cancellationToken);

    public Task<LinkageRun> RejectRunAsync(string runId, string by, string reason, CancellationToken cancellationToken) =>
        ChangeRunAsync(runId, (run, now) => RunTransitions.Rejected(run, by, reason, now), cancellationToken);

    public Task<LinkageRun> ResumeRunAsync(string runId, RunOwner owner, CancellationToken cancellationToken) =>
        ChangeRunAsync(runId, (run, now) => RunTransitions.Resumed(run, owner, now, _leaseTerms.ExpiryFrom(now)), cancellationToken);

    public Task<RunStartResult> ApproveHeldAsync(string runId, RunOwner owner, string by, CancellationToken cancellationToken) =>
        WriteAsync(
            (connection, transaction, now) =>
            {
                var run = LoadRun(connection, transaction, runId) ?? throw new KeyNotFoundException($"The ledger has no run '{runId}'.");
                var at = LedgerRows.ParseTime(now);
                var change = RunTransitions.ApprovedByCustodian(run, owner, by, at, _leaseTerms.ExpiryFrom(at));

                // Publishing makes the run running again: its project's one running run, as for a start.
                var decision = RunClaims.Decide(RunningRunsOf(connection, transaction, run.Project), at);
                if (decision.Refused)
                {
                    return RunStartResult.Refused(decision.Holder!);
                }

                var takenOver = decision.ToTakeOver.Select(abandoned => FailAbandoned(connection, transaction, now, abandoned)).ToList();
                return new RunStartResult(WriteChange(connection, transaction, now, change), null, takenOver);
            },
            cancellationToken);

    public Task ReleaseLeaseAsync(string runId, RunOwner owner, CancellationToken cancellationToken) =>
        WriteAsync(
            (connection, transaction, now) =>
            {
                // Expires now: the next look (a restart, the recovery's watch) resumes the run without waiting out the lease.
                using var release = Command(
                    connection,
                    transaction,
                    "UPDATE runs SET lease_expires_at = @now WHERE id = @id AND state = @running AND owner_host = @host AND owner_pid = @pid;");
                release.Add("@now", now);
                release.Add("@id", runId);
                release.Add("@running", nameof(RunState.Running));
                release.Add("@host", owner.Host);
                release.Add("@pid", owner.ProcessId);
                return release.ExecuteNonQuery();
            },
            cancellationToken);

    public Task<LinkageRun?> GetLastPublishedRunAsync(string project, CancellationToken cancellationToken) =>
        ReadAsync(
            connection =>
            {
                using var find = Command(connection, null, "SELECT id FROM runs WHERE project = @project AND stage = @published ORDER BY finished_at DESC, id DESC LIMIT 1;");
                find.Add("@project", project);
                find.Add("@published", nameof(RunStage.Published));
                return LedgerRows.ReadAll(find, r => r.GetString(0)).Select(id => LoadRun(connection, null, id)).FirstOrDefault();
            },
            cancellationToken);

    private Task<LinkageRun> ChangeRunAsync(string runId, Func<LinkageRun, DateTimeOffset, RunChange> transition, CancellationToken cancellationToken) =>
        WriteAsync(
            (connection, transaction, now) =>
            {
                var run = LoadRun(connection, transaction, runId) ?? throw new KeyNotFoundException($"The ledger has no run '{runId}'.");
                return WriteChange(connection, transaction, now, transition(run, LedgerRows.ParseTime(now)));
            },
            cancellationToken);

    /// <summary>Writes every field a transition may change, and its audit row.</summary>
    private LinkageRun WriteChange(DbConnection connection, DbTransaction transaction, string now, RunChange change)
    {
        var run = change.After;
        using var update = Command(
            connection,
            transaction,
            """
            UPDATE runs SET state = @state, stage = @stage, finished_at = @finished, counts = @counts, owner_host = @host, owner_pid = @pid,
                lease_expires_at = @expires, verdict = @verdict, findings = @findings, decided_by = @by, decided_at = @at, decision_reason = @reason
            WHERE id = @id;
            """);
        update.Add("@state", run.State.ToString());
        update.Add("@stage", run.Stage.ToString());
        update.Add("@finished", Nullable(run.FinishedAt is { } finished ? LedgerRows.FormatTime(finished) : null));
        update.Add("@counts", JsonSerializer.Serialize(run.Counts));
        update.Add("@host", Nullable(run.Lease?.Owner.Host));
        update.Add("@pid", Nullable(run.Lease?.Owner.ProcessId));
        update.Add("@expires", Nullable(run.Lease is { } lease ? LedgerRows.FormatTime(lease.ExpiresAt) : null));
        update.Add("@verdict", Nullable(run.Check?.Verdict));
        update.Add("@findings", Nullable(run.Check?.Findings));
        update.Add("@by", Nullable(run.Decision?.By));
        update.Add("@at", Nullable(run.Decision is { } decision ? LedgerRows.FormatTime(decision.At) : null));
        update.Add("@reason", Nullable(run.Decision?.Reason));
        update.Add("@id", run.Id);
        update.ExecuteNonQuery();
        AppendAudit(connection, transaction, now, EntityRecord.Run, run.Id, change.Action, change.Detail);
        return LoadRun(connection, transaction, run.Id)!;
    }

    private static object Nullable(object? value) => value ?? DBNull.Value;
}
