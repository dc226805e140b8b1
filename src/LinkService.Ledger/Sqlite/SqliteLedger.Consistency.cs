using System.Text.Json;
using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Runs;
using Microsoft.Data.Sqlite;

namespace LinkService.Ledger.Sqlite;

/// <summary>
/// The deliveries and runs tables are not chained themselves, so an edit to them (a rejected delivery marked
/// accepted, a stored file's digest replaced) would pass the chain check. Every change to them is also an
/// audit row, though: replaying the chain gives each delivery's and run's state, and the stored digest,
/// which the tables must agree with.
/// </summary>
internal sealed partial class SqliteLedger
{
    /// <summary>What an entity's audit rows, replayed, say its row must hold.</summary>
    private readonly record struct Replayed(string? State, string? Sha256);

    private static void Replay(Dictionary<(string Entity, string Id), Replayed> replayed, RawAudit row)
    {
        var key = (row.Entity, row.EntityId);
        replayed.TryGetValue(key, out var entity);
        var state = StateAfter(row.Entity, row.Action) ?? entity.State;
        var sha256 = row.Entity == DeliveryEntity && row.Action == "stored" ? StoredDigest(row.Detail) : entity.Sha256;
        replayed[key] = new Replayed(state, sha256);
    }

    /// <summary>The state an audit action leaves its entity in; null for an action that keeps the state.</summary>
    private static string? StateAfter(string entity, string action) => (entity, action) switch
    {
        (DeliveryEntity, "received") => nameof(DeliveryState.Received),
        (RunEntity, "started") => nameof(RunState.Running),
        (DeliveryEntity, _) when Enum.TryParse<DeliveryState>(action, ignoreCase: true, out var state) => state.ToString(),
        (RunEntity, _) when Enum.TryParse<RunState>(action, ignoreCase: true, out var state) => state.ToString(),
        _ => null,
    };

    private static string? StoredDigest(string detail)
    {
        using var json = JsonDocument.Parse(detail);
        return json.RootElement.TryGetProperty("sha256", out var sha) ? sha.GetString() : null;
    }

    /// <summary>The first disagreement between the tables and the replayed chain, or null.</summary>
    private static string? CompareWithTables(SqliteConnection connection, Dictionary<(string Entity, string Id), Replayed> replayed)
    {
        var seen = new HashSet<(string, string)>();
        using (var deliveries = Command(connection, null, "SELECT id, state, sha256 FROM deliveries ORDER BY received_at, id;"))
        using (var reader = deliveries.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetString(0);
                var sha256 = reader.IsDBNull(2) ? null : reader.GetString(2);
                var problem = Compare(replayed, seen, DeliveryEntity, id, reader.GetString(1));
                if (problem is not null)
                {
                    return problem;
                }

                if (replayed[(DeliveryEntity, id)].Sha256 is { } recorded && recorded != sha256)
                {
                    return $"delivery {id}: its SHA-256 is not the one the audit chain recorded when it was stored";
                }
            }
        }

        using (var runs = Command(connection, null, "SELECT id, state FROM runs ORDER BY started_at, id;"))
        using (var reader = runs.ExecuteReader())
        {
            while (reader.Read())
            {
                var problem = Compare(replayed, seen, RunEntity, reader.GetString(0), reader.GetString(1));
                if (problem is not null)
                {
                    return problem;
                }
            }
        }

        return replayed.Keys.Where(k => !seen.Contains(k)).Select(k => $"{k.Entity} {k.Id} is in the audit chain but not in its table").FirstOrDefault();
    }

    private static string? Compare(Dictionary<(string Entity, string Id), Replayed> replayed, HashSet<(string, string)> seen, string entity, string id, string state)
    {
        seen.Add((entity, id));
        if (!replayed.TryGetValue((entity, id), out var expected))
        {
            return $"{entity} {id} is in its table but has no audit rows";
        }

        return expected.State == state ? null : $"{entity} {id} is {state} in its table but {expected.State} in the audit chain";
    }
}
