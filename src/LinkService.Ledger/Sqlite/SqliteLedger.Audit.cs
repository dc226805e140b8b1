using LinkService.Ledger.Audit;
using Microsoft.Data.Sqlite;

namespace LinkService.Ledger.Sqlite;

internal sealed partial class SqliteLedger
{
    private const string AuditColumns = "seq, at, entity, entity_id, action, detail, prev_hash, hash";

    public Task<IReadOnlyList<AuditEntry>> GetHistoryAsync(string entityId, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<AuditEntry>>(
            connection =>
            {
                using var find = Command(connection, null, $"SELECT {AuditColumns} FROM audit WHERE entity_id = $id ORDER BY seq;");
                find.Parameters.AddWithValue("$id", entityId);
                return SqliteRows.ReadAll(find, ReadAudit);
            },
            cancellationToken);

    public Task<AuditEntry?> GetAuditHeadAsync(CancellationToken cancellationToken) =>
        ReadAsync(
            connection =>
            {
                using var last = Command(connection, null, $"SELECT {AuditColumns} FROM audit ORDER BY seq DESC LIMIT 1;");
                return SqliteRows.ReadAll(last, ReadAudit).FirstOrDefault();
            },
            cancellationToken);

    public Task<AuditVerification> VerifyAuditChainAsync(CancellationToken cancellationToken) =>
        ReadAsync(
            connection =>
            {
                using var all = Command(connection, null, $"SELECT {AuditColumns} FROM audit ORDER BY seq;");
                using var reader = all.ExecuteReader();
                long expectedSequence = 1;
                var expectedPrevious = AuditChain.Genesis;
                var replayed = new Dictionary<(string Entity, string Id), Replayed>();
                while (reader.Read())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var row = ReadRawAudit(reader);
                    var problem = Check(row, expectedSequence, expectedPrevious);
                    if (problem is not null)
                    {
                        Log.AuditChainBroken(_logger, row.Sequence, problem);
                        return new AuditVerification(false, expectedSequence - 1, row.Sequence, $"at row #{row.Sequence}: {problem}");
                    }

                    Replay(replayed, row);
                    expectedSequence = row.Sequence + 1;
                    expectedPrevious = row.Hash;
                }

                var disagreement = CompareWithTables(connection, replayed);
                if (disagreement is not null)
                {
                    Log.TablesDisagreeWithAudit(_logger, disagreement);
                    return new AuditVerification(false, expectedSequence - 1, null, disagreement);
                }

                return AuditVerification.Intact(expectedSequence - 1);
            },
            cancellationToken);

    private static string? Check(RawAudit row, long expectedSequence, string expectedPrevious)
    {
        if (row.Sequence != expectedSequence)
        {
            return $"row {expectedSequence} is missing";
        }

        if (row.PreviousHash != expectedPrevious)
        {
            return "its link to the previous row does not match that row's hash";
        }

        var hash = AuditChain.HashOf(row.Sequence, row.At, row.Entity, row.EntityId, row.Action, row.Detail, row.PreviousHash);
        return hash == row.Hash ? null : "its content does not match its hash";
    }

    private static AuditEntry ReadAudit(SqliteDataReader reader)
    {
        var row = ReadRawAudit(reader);
        return new AuditEntry(row.Sequence, SqliteRows.ParseTime(row.At), row.Entity, row.EntityId, row.Action, row.Detail, row.PreviousHash, row.Hash);
    }

    private static RawAudit ReadRawAudit(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7));

    /// <summary>An audit row exactly as stored, so that verification hashes the stored text, not a re-formatted one.</summary>
    private sealed record RawAudit(long Sequence, string At, string Entity, string EntityId, string Action, string Detail, string PreviousHash, string Hash);
}
