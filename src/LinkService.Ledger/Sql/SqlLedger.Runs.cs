using System.Data.Common;
using System.Text.Json;
using LinkService.Ledger.Audit;
using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Runs;
using LinkService.Ledger.Status;
using static LinkService.Ledger.Sql.DbCommands;

namespace LinkService.Ledger.Sql;

internal sealed partial class SqlLedger
{
    private const string RunEntity = EntityRecord.Run;
    private const string RunInsert = "run_insert";

    public Task<RunStartResult> StartRunAsync(RunStart start, CancellationToken cancellationToken) =>
        WriteAsync(
            (connection, transaction, now) =>
            {
                var decision = RunClaims.Decide(RunningRunsOf(connection, transaction, start.Project), LedgerRows.ParseTime(now));
                if (decision.Refused)
                {
                    return RunStartResult.Refused(decision.Holder!);
                }

                var takenOver = decision.ToTakeOver.Select(run => FailAbandoned(connection, transaction, now, run)).ToList();
                // A savepoint: PostgreSQL refuses every statement after a failed one in the transaction until rolled back to it.
                transaction.Save(RunInsert);
                try
                {
                    InsertRun(connection, transaction, now, start);
                }
                catch (DbException ex) when (_database.IsUniqueViolation(ex))
                {
                    // The database's guard: only reachable if a writer bypassed the rules above.
                    transaction.Rollback(RunInsert);
                    return RunStartResult.Refused(RunningRunsOf(connection, transaction, start.Project)[0]);
                }

                return new RunStartResult(LoadRun(connection, transaction, start.RunId)!, null, takenOver);
            },
            cancellationToken);

    public Task<bool> RenewLeaseAsync(string runId, RunOwner owner, CancellationToken cancellationToken) =>
        WriteAsync(
            (connection, transaction, now) =>
            {
                using var renew = Command(
                    connection,
                    transaction,
                    "UPDATE runs SET lease_expires_at = @expires WHERE id = @id AND state = @running AND owner_host = @host AND owner_pid = @pid;");
                renew.Add("@expires", LedgerRows.FormatTime(_leaseTerms.ExpiryFrom(LedgerRows.ParseTime(now))));
                renew.Add("@id", runId);
                renew.Add("@running", nameof(RunState.Running));
                renew.Add("@host", owner.Host);
                renew.Add("@pid", owner.ProcessId);
                return renew.ExecuteNonQuery() == 1;
            },
            cancellationToken);

    public Task<LinkageRun?> TakeOverAsync(string runId, CancellationToken cancellationToken) =>
        WriteAsync(
            (connection, transaction, now) =>
            {
                var run = LoadRun(connection, transaction, runId) ?? throw new KeyNotFoundException($"The ledger has no run '{runId}'.");
                return RunClaims.IsToBeFailed(run, LedgerRows.ParseTime(now)) ? FailAbandoned(connection, transaction, now, run) : null;
            },
            cancellationToken);

    public Task<LinkageRun> CompleteRunAsync(string runId, IReadOnlyDictionary<string, long> counts, CancellationToken cancellationToken) =>
        FinishRunAsync(runId, RunState.Completed, JsonSerializer.Serialize(counts), null, new { counts }, cancellationToken);

    public Task<LinkageRun> FailRunAsync(string runId, string reason, CancellationToken cancellationToken) =>
        FinishRunAsync(runId, RunState.Failed, "{}", reason, new { reason }, cancellationToken);

    public Task<LinkageRun?> GetRunAsync(string runId, CancellationToken cancellationToken) =>
        ReadAsync(connection => LoadRun(connection, null, runId), cancellationToken);

    public Task<IReadOnlyList<LinkageRun>> GetRecentRunsAsync(string? project, int limit, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<LinkageRun>>(connection => RecentRuns(connection, project, limit), cancellationToken);

    public Task<IReadOnlyList<LinkageRun>> GetRunsInStateAsync(RunState state, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<LinkageRun>>(
            connection =>
            {
                using var find = Command(connection, null, $"SELECT {LedgerRows.RunColumns} FROM runs WHERE state = @state ORDER BY started_at, id;");
                find.Add("@state", state.ToString());
                var runs = LedgerRows.ReadAll(find, r => LedgerRows.ReadRun(r, []));
                return runs.ConvertAll(run => run with { DeliveryIds = RunInputs(connection, null, run.Id) });
            },
            cancellationToken);

    public Task<LedgerStatus> GetStatusAsync(int recentRuns, CancellationToken cancellationToken) =>
        ReadAsync(
            connection =>
            {
                using var counts = Command(connection, null, "SELECT source, state, COUNT(*) FROM deliveries GROUP BY source, state ORDER BY source, state;");
                var deliveries = LedgerRows.ReadAll(counts, r => new SourceStateCount(r.GetString(0), Enum.Parse<DeliveryState>(r.GetString(1)), r.GetInt64(2)));
                using var held = Command(connection, null, $"SELECT {LedgerRows.RunColumns} FROM runs WHERE state = @held ORDER BY started_at, id;");
                held.Add("@held", nameof(RunState.Held));
                return new LedgerStatus(deliveries, RecentRuns(connection, null, recentRuns), LedgerRows.ReadAll(held, r => LedgerRows.ReadRun(r, [])));
            },
            cancellationToken);

    private Task<LinkageRun> FinishRunAsync(string runId, RunState state, string countsJson, string? reason, object detail, CancellationToken cancellationToken) =>
        WriteAsync(
            (connection, transaction, now) =>
            {
                var current = LoadRun(connection, transaction, runId) ?? throw new KeyNotFoundException($"The ledger has no run '{runId}'.");
                if (current.State != RunState.Running)
                {
                    throw new InvalidOperationException($"Run '{runId}' is {current.State}; only a running run can finish.");
                }

                if (state == RunState.Completed && current.Stage != RunStage.Linking)
                {
                    throw new RunStateException($"Run '{runId}' is {RunTransitions.Describe(current)}; its pipeline ends when it is published, not here.");
                }

                return Finish(connection, transaction, now, runId, state, countsJson, reason, detail);
            },
            cancellationToken);

    private LinkageRun FailAbandoned(DbConnection connection, DbTransaction transaction, string now, LinkageRun run)
    {
        return Finish(connection, transaction, now, run.Id, RunState.Failed, "{}", RunClaims.TakeOverReason(run), RunClaims.TakeOverAuditDetail(run, RunOwner.Current));
    }

    private LinkageRun Finish(DbConnection connection, DbTransaction transaction, string now, string runId, RunState state, string countsJson, string? reason, object detail)
    {
        using var update = Command(
            connection,
            transaction,
            """
            UPDATE runs SET state = @state, finished_at = @now, counts = @counts, failure_reason = @reason,
                stage = CASE WHEN @state = 'Completed' THEN 'Linked' ELSE stage END
            WHERE id = @id;
            """);
        update.Add("@state", state.ToString());
        update.Add("@now", now);
        update.Add("@counts", countsJson);
        update.Add("@reason", (object?)reason ?? DBNull.Value);
        update.Add("@id", runId);
        update.ExecuteNonQuery();
        AppendAudit(connection, transaction, now, RunEntity, runId, state.ToString().ToLowerInvariant(), detail);
        return LoadRun(connection, transaction, runId)!;
    }

    private void InsertRun(DbConnection connection, DbTransaction transaction, string now, RunStart start)
    {
        using var insert = Command(
            connection,
            transaction,
            """
            INSERT INTO runs (id, project, state, run_folder, started_at, owner_host, owner_pid, lease_expires_at)
            VALUES (@id, @project, @state, @folder, @now, @host, @pid, @expires);
            """);
        insert.Add("@id", start.RunId);
        insert.Add("@project", start.Project);
        insert.Add("@state", nameof(RunState.Running));
        insert.Add("@folder", start.RunFolder);
        insert.Add("@now", now);
        insert.Add("@host", start.Owner.Host);
        insert.Add("@pid", start.Owner.ProcessId);
        insert.Add("@expires", LedgerRows.FormatTime(_leaseTerms.ExpiryFrom(LedgerRows.ParseTime(now))));
        insert.ExecuteNonQuery();
        foreach (var deliveryId in start.DeliveryIds.Distinct(StringComparer.Ordinal))
        {
            using var input = Command(connection, transaction, "INSERT INTO run_inputs (run_id, delivery_id) VALUES (@run, @delivery);");
            input.Add("@run", start.RunId);
            input.Add("@delivery", deliveryId);
            input.ExecuteNonQuery();
        }

        AppendAudit(connection, transaction, now, RunEntity, start.RunId, "started", new { project = start.Project, runFolder = start.RunFolder, deliveries = start.DeliveryIds, owner = start.Owner.ToString() });
    }

    /// <summary>The project's running runs, oldest first: one at most, but for runs left by a version without leases.</summary>
    private static List<LinkageRun> RunningRunsOf(DbConnection connection, DbTransaction transaction, string project)
    {
        using var find = Command(connection, transaction, "SELECT id FROM runs WHERE project = @project AND state = @running ORDER BY started_at, id;");
        find.Add("@project", project);
        find.Add("@running", nameof(RunState.Running));
        return LedgerRows.ReadAll(find, r => r.GetString(0)).ConvertAll(id => LoadRun(connection, transaction, id)!);
    }

    private static List<LinkageRun> RecentRuns(DbConnection connection, string? project, int limit)
    {
        using var find = Command(
            connection,
            null,
            $"SELECT {LedgerRows.RunColumns} FROM runs WHERE CAST(@project AS TEXT) IS NULL OR project = @project ORDER BY started_at DESC, id DESC LIMIT @limit;");
        find.Add("@project", (object?)project ?? DBNull.Value);
        find.Add("@limit", limit);
        var runs = LedgerRows.ReadAll(find, r => LedgerRows.ReadRun(r, []));
        return runs.ConvertAll(run => run with { DeliveryIds = RunInputs(connection, null, run.Id) });
    }

    private static LinkageRun? LoadRun(DbConnection connection, DbTransaction? transaction, string runId)
    {
        var inputs = RunInputs(connection, transaction, runId);
        using var find = Command(connection, transaction, $"SELECT {LedgerRows.RunColumns} FROM runs WHERE id = @id;");
        find.Add("@id", runId);
        return LedgerRows.ReadAll(find, r => LedgerRows.ReadRun(r, inputs)).FirstOrDefault();
    }

    private static List<string> RunInputs(DbConnection connection, DbTransaction? transaction, string runId)
    {
        using var find = Command(connection, transaction, "SELECT delivery_id FROM run_inputs WHERE run_id = @id ORDER BY delivery_id;");
        find.Add("@id", runId);
        return LedgerRows.ReadAll(find, r => r.GetString(0));
    }
}
