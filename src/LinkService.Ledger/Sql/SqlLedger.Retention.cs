using LinkService.Ledger.Audit;
using LinkService.Ledger.Retention;
using LinkService.Ledger.Runs;
using static LinkService.Ledger.Sql.DbCommands;
using System.Data.Common;

namespace LinkService.Ledger.Sql;

/// <summary>Retention's deletions: each recorded with its audit row in one transaction, after <see cref="RetentionGuard"/> allows it.</summary>
internal sealed partial class SqlLedger
{
    private const string DeletionColumns = "item, entity_id, at, already_absent";

    public Task<DeletionResult> RecordDeletionAsync(RetentionDeletion deletion, CancellationToken cancellationToken) =>
        WriteAsync(
            (connection, transaction, now) =>
            {
                var entity = EntityOf(deletion.Item);
                if (LoadDeletion(connection, transaction, entity, deletion.EntityId, deletion.Item) is { } earlier)
                {
                    return new DeletionResult(earlier, null);
                }

                var ofRun = RetainedItems.IsOfRun(deletion.Item);
                var problem = RetentionGuard.Problem(
                    deletion.Item,
                    ofRun ? null : LoadDelivery(connection, transaction, deletion.EntityId),
                    ofRun ? LoadRun(connection, transaction, deletion.EntityId) : null,
                    ofRun ? [] : UnfinishedRunsReading(connection, transaction, deletion.EntityId));
                if (problem is not null)
                {
                    return DeletionResult.Refused(problem);
                }

                var item = RetainedItems.Name(deletion.Item);
                using var insert = Command(
                    connection,
                    transaction,
                    "INSERT INTO retention_deletions (entity, entity_id, item, at, already_absent) VALUES (@entity, @id, @item, @now, @absent);");
                insert.Add("@entity", entity);
                insert.Add("@id", deletion.EntityId);
                insert.Add("@item", item);
                insert.Add("@now", now);
                insert.Add("@absent", deletion.AlreadyAbsent ? 1 : 0);
                insert.ExecuteNonQuery();
                AppendAudit(connection, transaction, now, entity, deletion.EntityId, "deleted", new { item, reason = "retention", period = deletion.Period, alreadyAbsent = deletion.AlreadyAbsent });
                return new DeletionResult(LoadDeletion(connection, transaction, entity, deletion.EntityId, deletion.Item), null);
            },
            cancellationToken);

    public Task<IReadOnlyList<RecordedDeletion>> GetDeletionsAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<RecordedDeletion>>(
            connection =>
            {
                using var all = Command(connection, null, $"SELECT {DeletionColumns} FROM retention_deletions ORDER BY at, entity_id, item;");
                return LedgerRows.ReadAll(all, ReadDeletion);
            },
            cancellationToken);

    private static string EntityOf(RetainedItem item) => RetainedItems.IsOfRun(item) ? EntityRecord.Run : EntityRecord.Delivery;

    private static RecordedDeletion? LoadDeletion(DbConnection connection, DbTransaction transaction, string entity, string entityId, RetainedItem item)
    {
        using var find = Command(connection, transaction, $"SELECT {DeletionColumns} FROM retention_deletions WHERE entity = @entity AND entity_id = @id AND item = @item;");
        find.Add("@entity", entity);
        find.Add("@id", entityId);
        find.Add("@item", RetainedItems.Name(item));
        return LedgerRows.ReadAll(find, ReadDeletion).FirstOrDefault();
    }

    private static RecordedDeletion ReadDeletion(DbDataReader r) =>
        new(RetainedItems.Parse(r.GetString(0)), r.GetString(1), LedgerRows.ParseTime(r.GetString(2)), Convert.ToInt64(r.GetValue(3), System.Globalization.CultureInfo.InvariantCulture) != 0);

    /// <summary>The runs at work or held for approval that have the delivery among their inputs.</summary>
    private static List<LinkageRun> UnfinishedRunsReading(DbConnection connection, DbTransaction transaction, string deliveryId)
    {
        using var find = Command(
            connection,
            transaction,
            "SELECT run_id FROM run_inputs JOIN runs ON runs.id = run_inputs.run_id WHERE delivery_id = @id AND runs.state IN (@running, @held) ORDER BY run_id;");
        find.Add("@id", deliveryId);
        find.Add("@running", nameof(RunState.Running));
        find.Add("@held", nameof(RunState.Held));
        return LedgerRows.ReadAll(find, r => r.GetString(0)).ConvertAll(id => LoadRun(connection, transaction, id)!);
    }
}
