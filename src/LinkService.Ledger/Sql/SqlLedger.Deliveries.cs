using System.Data.Common;
using System.Text.Json;
using LinkService.Ledger.Audit;
using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Runs;
using static LinkService.Ledger.Sql.DbCommands;

namespace LinkService.Ledger.Sql;

internal sealed partial class SqlLedger
{
    private const string DeliveryEntity = EntityRecord.Delivery;

    /// <summary>A condition on <c>deliveries</c>: retention has not deleted the row's stored copy.</summary>
    private const string StoreCopyKept =
        "NOT EXISTS (SELECT 1 FROM retention_deletions WHERE entity = 'delivery' AND entity_id = deliveries.id AND item = 'store-copy')";

    public Task<Delivery> RecordReceivedAsync(NewDelivery delivery, CancellationToken cancellationToken) =>
        WriteAsync(
            (connection, transaction, now) =>
            {
                var id = RunIds.NewId(_timeProvider, 4);
                using var insert = Command(
                    connection,
                    transaction,
                    """
                    INSERT INTO deliveries (id, source, original_name, state, drop_bytes, drop_modified, received_at, updated_at)
                    VALUES (@id, @source, @name, @state, @bytes, @modified, @now, @now);
                    """);
                insert.Add("@id", id);
                insert.Add("@source", delivery.Source);
                insert.Add("@name", delivery.OriginalName);
                insert.Add("@state", nameof(DeliveryState.Received));
                insert.Add("@bytes", delivery.DropBytes);
                insert.Add("@modified", LedgerRows.FormatTime(delivery.DropModified));
                insert.Add("@now", now);
                insert.ExecuteNonQuery();
                AppendAudit(connection, transaction, now, DeliveryEntity, id, "received", new
                {
                    source = delivery.Source,
                    originalName = delivery.OriginalName,
                    dropBytes = delivery.DropBytes,
                    dropModified = LedgerRows.FormatTime(delivery.DropModified),
                });
                return LoadDelivery(connection, transaction, id)!;
            },
            cancellationToken);

    public Task<Delivery> RecordRetakenAsync(string deliveryId, long dropBytes, DateTimeOffset dropModified, CancellationToken cancellationToken) =>
        WriteAsync(
            (connection, transaction, now) =>
            {
                var current = LoadDeliveryOrThrow(connection, transaction, deliveryId);
                if (current.State == DeliveryState.Received && current.DropBytes == dropBytes && current.DropModified == dropModified)
                {
                    return current;
                }

                RequireState(current, DeliveryState.Received);
                using var update = Command(connection, transaction, "UPDATE deliveries SET drop_bytes = @bytes, drop_modified = @modified, updated_at = @now WHERE id = @id;");
                update.Add("@bytes", dropBytes);
                update.Add("@modified", LedgerRows.FormatTime(dropModified));
                update.Add("@now", now);
                update.Add("@id", deliveryId);
                update.ExecuteNonQuery();
                AppendAudit(connection, transaction, now, DeliveryEntity, deliveryId, "retaken", new { dropBytes, dropModified = LedgerRows.FormatTime(dropModified) });
                return LoadDelivery(connection, transaction, deliveryId)!;
            },
            cancellationToken);

    public Task<Delivery> MarkStoredAsync(string deliveryId, StoredFile stored, CancellationToken cancellationToken) =>
        WriteAsync(
            (connection, transaction, now) =>
            {
                var current = LoadDeliveryOrThrow(connection, transaction, deliveryId);
                if (current.State == DeliveryState.Stored && current.Sha256 == stored.Sha256)
                {
                    return current;
                }

                RequireState(current, DeliveryState.Received);
                using var update = Command(
                    connection,
                    transaction,
                    """
                    UPDATE deliveries SET state = @state, sha256 = @sha256, bytes = @bytes, stored_at = @now, updated_at = @now
                    WHERE id = @id;
                    """);
                update.Add("@state", nameof(DeliveryState.Stored));
                update.Add("@sha256", stored.Sha256);
                update.Add("@bytes", stored.Bytes);
                update.Add("@now", now);
                update.Add("@id", deliveryId);
                update.ExecuteNonQuery();
                AppendAudit(connection, transaction, now, DeliveryEntity, deliveryId, "stored", new { sha256 = stored.Sha256, bytes = stored.Bytes });
                return LoadDelivery(connection, transaction, deliveryId)!;
            },
            cancellationToken);

    public Task<Delivery> RecordOutcomeAsync(string deliveryId, DeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        if (!outcome.IsFinal)
        {
            throw new ArgumentException($"An outcome is a final state, not {outcome.State}.", nameof(outcome));
        }

        return WriteAsync(
            (connection, transaction, now) =>
            {
                var current = LoadDeliveryOrThrow(connection, transaction, deliveryId);
                if (current.State == outcome.State)
                {
                    return current;
                }

                // Only a refusal can come before the file is stored (a checksum mismatch, a file that vanished).
                RequireState(current, outcome.State == DeliveryState.Refused ? [DeliveryState.Received, DeliveryState.Stored] : [DeliveryState.Stored]);
                using var update = Command(
                    connection,
                    transaction,
                    """
                    UPDATE deliveries SET state = @state, reasons = @reasons, duplicate_of = @duplicateOf, set_aside_rows = @setAside, accepted_rows = @acceptedRows,
                        quarantine_path = @quarantine, sha256 = COALESCE(sha256, @sha256), bytes = COALESCE(bytes, @bytes), updated_at = @now
                    WHERE id = @id;
                    """);
                update.Add("@state", outcome.State.ToString());
                update.Add("@reasons", JsonSerializer.Serialize(outcome.Reasons));
                update.Add("@duplicateOf", (object?)outcome.DuplicateOf ?? DBNull.Value);
                update.Add("@setAside", (object?)outcome.SetAsideRows ?? DBNull.Value);
                update.Add("@acceptedRows", (object?)outcome.AcceptedRows ?? DBNull.Value);
                update.Add("@quarantine", (object?)outcome.QuarantinePath ?? DBNull.Value);
                update.Add("@sha256", (object?)outcome.Sha256 ?? DBNull.Value);
                update.Add("@bytes", (object?)outcome.Bytes ?? DBNull.Value);
                update.Add("@now", now);
                update.Add("@id", deliveryId);
                update.ExecuteNonQuery();
                var detail = new
                {
                    reasons = outcome.Reasons,
                    duplicateOf = outcome.DuplicateOf,
                    setAsideRows = outcome.SetAsideRows,
                    acceptedRows = outcome.AcceptedRows,
                    quarantinePath = outcome.QuarantinePath,
                    sha256 = outcome.Sha256,
                    bytes = outcome.Bytes,
                };
                AppendAudit(connection, transaction, now, DeliveryEntity, deliveryId, outcome.State.ToString().ToLowerInvariant(), detail);
                return LoadDelivery(connection, transaction, deliveryId)!;
            },
            cancellationToken);
    }

    public Task<Delivery> MarkSettledAsync(string deliveryId, CancellationToken cancellationToken) =>
        WriteAsync(
            (connection, transaction, now) =>
            {
                var current = LoadDeliveryOrThrow(connection, transaction, deliveryId);
                if (current.SettledAt is not null)
                {
                    return current;
                }

                RequireState(current, [DeliveryState.Accepted, DeliveryState.Rejected, DeliveryState.Duplicate, DeliveryState.Refused, DeliveryState.Held]);
                using var update = Command(connection, transaction, "UPDATE deliveries SET settled_at = @now, updated_at = @now WHERE id = @id;");
                update.Add("@now", now);
                update.Add("@id", deliveryId);
                update.ExecuteNonQuery();
                AppendAudit(connection, transaction, now, DeliveryEntity, deliveryId, "settled", new { state = current.State.ToString() });
                return LoadDelivery(connection, transaction, deliveryId)!;
            },
            cancellationToken);

    public Task<Delivery> DecideHeldAsync(string deliveryId, HeldDecision decision, CancellationToken cancellationToken) =>
        WriteAsync(
            (connection, transaction, now) =>
            {
                var current = LoadDeliveryOrThrow(connection, transaction, deliveryId);
                var decided = decision.Release ? DeliveryState.Accepted : DeliveryState.Rejected;
                if (current.State == decided)
                {
                    return current;
                }

                RequireState(current, DeliveryState.Held);
                using var update = Command(
                    connection,
                    transaction,
                    decision.Release
                        ? "UPDATE deliveries SET state = @state, updated_at = @now WHERE id = @id;"
                        : "UPDATE deliveries SET state = @state, reasons = @reasons, quarantine_path = @quarantine, settled_at = NULL, updated_at = @now WHERE id = @id;");
                string[] reasons = decision.Release ? [] : [$"rejected by the custodian after it was held: {decision.Reason}"];
                update.Add("@state", decided.ToString());
                update.Add("@reasons", JsonSerializer.Serialize(reasons));
                update.Add("@quarantine", (object?)decision.QuarantinePath ?? DBNull.Value);
                update.Add("@now", now);
                update.Add("@id", deliveryId);
                update.ExecuteNonQuery();
                AppendAudit(connection, transaction, now, DeliveryEntity, deliveryId, decision.Action, decision.Release
                    ? new { by = decision.By }
                    : new { by = decision.By, reasons, quarantinePath = decision.QuarantinePath });
                return LoadDelivery(connection, transaction, deliveryId)!;
            },
            cancellationToken);

    public Task<Delivery?> GetDeliveryAsync(string deliveryId, CancellationToken cancellationToken) =>
        ReadAsync(connection => LoadDelivery(connection, null, deliveryId), cancellationToken);

    public Task<Delivery?> FindDuplicateAsync(string source, string sha256, string excludingDeliveryId, CancellationToken cancellationToken) =>
        ReadAsync(
            connection =>
            {
                // Content that was or is being accepted. A refused file was never stored; a duplicate points at its
                // original; and rejected content sent again is checked again, since the custodian may have
                // corrected the schema that rejected it. Content whose copy retention deleted is no longer held: sent
                // again, it is taken afresh.
                using var find = Command(
                    connection,
                    null,
                    $"""
                    SELECT {LedgerRows.DeliveryColumns} FROM deliveries
                    WHERE source = @source AND sha256 = @sha256 AND id <> @id AND state IN ('Stored', 'Accepted', 'Held') AND {StoreCopyKept}
                    ORDER BY received_at, id LIMIT 1;
                    """);
                find.Add("@source", source);
                find.Add("@sha256", sha256);
                find.Add("@id", excludingDeliveryId);
                return LedgerRows.ReadAll(find, LedgerRows.ReadDelivery).FirstOrDefault();
            },
            cancellationToken);

    public Task<IReadOnlyList<Delivery>> GetUnsettledDeliveriesAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<Delivery>>(
            connection =>
            {
                using var find = Command(connection, null, $"SELECT {LedgerRows.DeliveryColumns} FROM deliveries WHERE settled_at IS NULL ORDER BY received_at, id;");
                return LedgerRows.ReadAll(find, LedgerRows.ReadDelivery);
            },
            cancellationToken);

    public Task<IReadOnlyList<Delivery>> GetAcceptedDeliveriesAsync(string source, int limit, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<Delivery>>(
            connection =>
            {
                using var find = Command(
                    connection,
                    null,
                    $"SELECT {LedgerRows.DeliveryColumns} FROM deliveries WHERE source = @source AND state = 'Accepted' AND {StoreCopyKept} ORDER BY received_at DESC, id DESC LIMIT @limit;");
                find.Add("@source", source);
                find.Add("@limit", limit);
                return LedgerRows.ReadAll(find, LedgerRows.ReadDelivery);
            },
            cancellationToken);

    public Task<IReadOnlyList<Delivery>> GetRecentDeliveriesAsync(string? source, int limit, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<Delivery>>(
            connection =>
            {
                using var find = Command(
                    connection,
                    null,
                    $"SELECT {LedgerRows.DeliveryColumns} FROM deliveries WHERE CAST(@source AS TEXT) IS NULL OR source = @source ORDER BY received_at DESC, id DESC LIMIT @limit;");
                find.Add("@source", (object?)source ?? DBNull.Value);
                find.Add("@limit", limit);
                return LedgerRows.ReadAll(find, LedgerRows.ReadDelivery);
            },
            cancellationToken);

    private static Delivery? LoadDelivery(DbConnection connection, DbTransaction? transaction, string deliveryId)
    {
        using var find = Command(connection, transaction, $"SELECT {LedgerRows.DeliveryColumns} FROM deliveries WHERE id = @id;");
        find.Add("@id", deliveryId);
        return LedgerRows.ReadAll(find, LedgerRows.ReadDelivery).FirstOrDefault();
    }

    private static Delivery LoadDeliveryOrThrow(DbConnection connection, DbTransaction transaction, string deliveryId) =>
        LoadDelivery(connection, transaction, deliveryId) ?? throw new KeyNotFoundException($"The ledger has no delivery '{deliveryId}'.");

    private static void RequireState(Delivery delivery, params DeliveryState[] allowed)
    {
        if (!allowed.Contains(delivery.State))
        {
            throw new InvalidOperationException($"Delivery '{delivery.Id}' is {delivery.State}; expected {string.Join(" or ", allowed)}.");
        }
    }
}
