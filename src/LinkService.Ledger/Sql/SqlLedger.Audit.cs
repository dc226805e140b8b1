using System.Data.Common;
using LinkService.Ledger.Audit;
using static LinkService.Ledger.Sql.DbCommands;

namespace LinkService.Ledger.Sql;

internal sealed partial class SqlLedger
{
    private const string AuditColumns = "seq, at, entity, entity_id, action, detail, prev_mac, mac";

    public Task<IReadOnlyList<AuditEntry>> GetHistoryAsync(string entityId, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<AuditEntry>>(
            connection =>
            {
                using var find = Command(connection, null, $"SELECT {AuditColumns} FROM audit WHERE entity_id = @id ORDER BY seq;");
                find.Add("@id", entityId);
                return LedgerRows.ReadAll(find, ReadAudit);
            },
            cancellationToken);

    public Task<AuditEntry?> GetAuditHeadAsync(CancellationToken cancellationToken) =>
        ReadAsync(
            connection =>
            {
                using var last = Command(connection, null, $"SELECT {AuditColumns} FROM audit ORDER BY seq DESC LIMIT 1;");
                return LedgerRows.ReadAll(last, ReadAudit).FirstOrDefault();
            },
            cancellationToken);

    public Task<AuditVerification> VerifyAuditChainAsync(CancellationToken cancellationToken) =>
        ReadAsync(
            connection =>
            {
                // Read in one transaction, so that a write by another process cannot land between the rows and the tables.
                using var snapshot = _database.BeginSnapshot(connection);
                var verifier = new AuditVerifier(() => _key.Value, _anchor.Read());
                using (var all = Command(connection, snapshot, $"SELECT {AuditColumns} FROM audit ORDER BY seq;"))
                using (var reader = all.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if (verifier.Add(ReadRawAudit(reader)) is { } broken)
                        {
                            Log.AuditChainBroken(_logger, broken.FirstTamperedSequence!.Value, broken.Problem!);
                            return broken;
                        }
                    }
                }

                var verification = verifier.Finish(TableRecords(connection, snapshot));
                if (!verification.IsIntact)
                {
                    Log.AuditCheckFailed(_logger, verification.Problem!);
                }

                return verification;
            },
            cancellationToken);

    private static AuditEntry ReadAudit(DbDataReader reader)
    {
        var row = ReadRawAudit(reader);
        return new AuditEntry(row.Sequence, LedgerRows.ParseTime(row.At), row.Entity, row.EntityId, row.Action, row.Detail, row.PreviousMac, row.Mac);
    }

    private static AuditRow ReadRawAudit(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7));
}
