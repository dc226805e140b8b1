using System.Globalization;
using System.Text.Json;
using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Runs;
using System.Data.Common;

namespace LinkService.Ledger.Sql;

/// <summary>Reading rows into records, and the one text form of a time the ledger stores (sortable UTC).</summary>
internal static class LedgerRows
{
    public const string DeliveryColumns =
        "id, source, original_name, state, drop_bytes, drop_modified, sha256, bytes, quarantine_path, reasons, duplicate_of, set_aside_rows, received_at, stored_at, updated_at, settled_at, accepted_rows";

    public const string RunColumns = "id, project, state, run_folder, started_at, finished_at, counts, failure_reason, owner_host, owner_pid, lease_expires_at, stage, verdict, findings, decided_by, decided_at, decision_reason";

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static Delivery ReadDelivery(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        Source = r.GetString(1),
        OriginalName = r.GetString(2),
        State = Enum.Parse<DeliveryState>(r.GetString(3)),
        DropBytes = r.IsDBNull(4) ? null : r.GetInt64(4),
        DropModified = r.IsDBNull(5) ? null : ParseTime(r.GetString(5)),
        Sha256 = r.IsDBNull(6) ? null : r.GetString(6),
        Bytes = r.IsDBNull(7) ? null : r.GetInt64(7),
        QuarantinePath = r.IsDBNull(8) ? null : r.GetString(8),
        Reasons = JsonSerializer.Deserialize<string[]>(r.GetString(9)) ?? [],
        DuplicateOf = r.IsDBNull(10) ? null : r.GetString(10),
        SetAsideRows = r.IsDBNull(11) ? null : r.GetInt64(11),
        ReceivedAt = ParseTime(r.GetString(12)),
        StoredAt = r.IsDBNull(13) ? null : ParseTime(r.GetString(13)),
        UpdatedAt = ParseTime(r.GetString(14)),
        SettledAt = r.IsDBNull(15) ? null : ParseTime(r.GetString(15)),
        AcceptedRows = r.IsDBNull(16) ? null : r.GetInt64(16),
    };

    public static LinkageRun ReadRun(DbDataReader r, IReadOnlyList<string> deliveryIds) => new()
    {
        Id = r.GetString(0),
        Project = r.GetString(1),
        State = Enum.Parse<RunState>(r.GetString(2)),
        RunFolder = r.GetString(3),
        StartedAt = ParseTime(r.GetString(4)),
        FinishedAt = r.IsDBNull(5) ? null : ParseTime(r.GetString(5)),
        Counts = JsonSerializer.Deserialize<Dictionary<string, long>>(r.GetString(6)) ?? [],
        FailureReason = r.IsDBNull(7) ? null : r.GetString(7),
        Lease = r.IsDBNull(8) ? null : new RunLease(new RunOwner(r.GetString(8), r.GetInt32(9)), ParseTime(r.GetString(10))),
        Stage = Enum.Parse<RunStage>(r.GetString(11)),
        Check = r.IsDBNull(12) ? null : new RunCheck(r.GetString(12), r.GetInt64(13)),
        Decision = r.IsDBNull(14) ? null : new RunDecision(r.GetString(14), ParseTime(r.GetString(15)), r.IsDBNull(16) ? null : r.GetString(16)),
        DeliveryIds = deliveryIds,
    };

    public static List<T> ReadAll<T>(DbCommand command, Func<DbDataReader, T> read)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
