using System.Data.Common;
using System.Globalization;
using LinkService.Ledger.Audit;
using static LinkService.Ledger.Sql.DbCommands;

namespace LinkService.Ledger.Sql;

/// <summary>The tables' rows in the fields the audit chain vouches for, for <see cref="AuditReplay"/> to compare.</summary>
internal sealed partial class SqlLedger
{
    private static IEnumerable<EntityRecord> TableRecords(DbConnection connection, DbTransaction snapshot)
    {
        using var deliveries = Command(
            connection,
            snapshot,
            $"""
            SELECT id, state, source, original_name, received_at, drop_bytes, drop_modified, sha256, bytes, reasons, duplicate_of, set_aside_rows,
                quarantine_path, CASE WHEN settled_at IS NULL THEN NULL ELSE 'yes' END, accepted_rows, {Deleted("delivery", "deliveries")}
            FROM deliveries ORDER BY received_at, id;
            """);
        foreach (var row in LedgerRows.ReadAll(deliveries, r => Record(r, EntityRecord.Delivery, "state", "source", "originalName", "receivedAt", "dropBytes", "dropModified", "sha256", "bytes", "reasons", "duplicateOf", "setAsideRows", "quarantinePath", "settled", "acceptedRows", "deleted")))
        {
            yield return WithDeleted(row);
        }

        using var runs = Command(
            connection,
            snapshot,
            $"""
            SELECT id, state, project, run_folder, started_at, (SELECT string_agg(delivery_id, ',') FROM run_inputs WHERE run_id = runs.id),
                stage, verdict, findings, decided_by, decided_at, decision_reason, {Deleted("run", "runs")}
            FROM runs ORDER BY started_at, id;
            """);
        var fields = new[] { "state", "project", "runFolder", "startedAt", "inputs", "stage", "verdict", "findings", "decidedBy", "decidedAt", "decisionReason", "deleted" };
        foreach (var row in LedgerRows.ReadAll(runs, r => Record(r, EntityRecord.Run, fields)))
        {
            var inputs = AuditReplay.InputsText((row.Fields["inputs"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries));
            yield return WithDeleted(row with { Fields = new Dictionary<string, string?>(row.Fields) { ["inputs"] = inputs } });
        }
    }

    /// <summary>The items retention deleted of the table's row, as one column.</summary>
    private static string Deleted(string entity, string table) =>
        $"(SELECT string_agg(item, ',') FROM retention_deletions WHERE entity = '{entity}' AND entity_id = {table}.id)";

    private static EntityRecord WithDeleted(EntityRecord row) =>
        row with { Fields = new Dictionary<string, string?>(row.Fields) { ["deleted"] = AuditReplay.DeletedText((row.Fields["deleted"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)) } };

    /// <summary>Column 0 is the id; the others are <paramref name="fields"/> in order, as text.</summary>
    private static EntityRecord Record(DbDataReader reader, string entity, params string[] fields)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Length; i++)
        {
            values[fields[i]] = reader.IsDBNull(i + 1) ? null : Convert.ToString(reader.GetValue(i + 1), CultureInfo.InvariantCulture);
        }

        return new EntityRecord(entity, reader.GetString(0), values);
    }
}
