using System.Globalization;
using System.Text.Json;
using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Runs;

namespace LinkService.Ledger.Audit;

/// <summary>
/// The deliveries and runs tables are not chained themselves, so an edit to them (a rejected delivery marked
/// accepted, a digest or an original name replaced, a run folder pointed elsewhere) would pass the chain check.
/// Every change to them is also an audit row, though: replaying the chain gives each delivery's and run's
/// fields, which the tables must agree with.
/// </summary>
internal sealed class AuditReplay
{
    /// <summary>The fields compared, with the words a report uses for them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["source"] = "source",
        ["originalName"] = "original name",
        ["receivedAt"] = "time received",
        ["dropBytes"] = "drop file size",
        ["dropModified"] = "drop file time",
        ["sha256"] = "SHA-256",
        ["bytes"] = "size",
        ["reasons"] = "reasons",
        ["duplicateOf"] = "duplicate-of",
        ["setAsideRows"] = "set-aside row count",
        ["acceptedRows"] = "accepted row count",
        ["quarantinePath"] = "quarantine path",
        ["settled"] = "settled mark",
        ["project"] = "project",
        ["runFolder"] = "run folder",
        ["startedAt"] = "start time",
        ["inputs"] = "input deliveries",
        ["stage"] = "stage",
        ["verdict"] = "disclosure verdict",
        ["findings"] = "findings count",
        ["decidedBy"] = "approver or rejecter",
        ["decidedAt"] = "decision time",
        ["decisionReason"] = "rejection reason",
        ["deleted"] = "items deleted by retention",
    };

    private readonly Dictionary<(string Entity, string Id), Dictionary<string, string?>> _entities = [];

    /// <summary>The input deliveries of a run as one comparable text: distinct ids in ordinal order.</summary>
    public static string InputsText(IEnumerable<string> deliveryIds) => string.Join(',', deliveryIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    /// <summary>The items retention deleted of one delivery or run as one comparable text: distinct names in ordinal order; null for none.</summary>
    public static string? DeletedText(IEnumerable<string> items)
    {
        var text = string.Join(',', items.Where(i => i.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return text.Length == 0 ? null : text;
    }

    public void Apply(AuditRow row)
    {
        var key = (row.Entity, row.EntityId);
        if (!_entities.TryGetValue(key, out var fields))
        {
            fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            _entities[key] = fields;
        }

        using var json = JsonDocument.Parse(row.Detail);
        var detail = json.RootElement;
        switch (row.Entity, row.Action)
        {
            case (_, "deleted"):
                fields["deleted"] = DeletedText((fields.GetValueOrDefault("deleted") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Append(Text(detail, "item") ?? ""));
                break;
            case (EntityRecord.Delivery, "received"):
                fields["state"] = nameof(DeliveryState.Received);
                fields["receivedAt"] = row.At;
                fields["reasons"] = "[]";
                Copy(detail, fields, "source", "originalName", "dropBytes", "dropModified");
                break;
            case (EntityRecord.Delivery, "retaken"):
                Copy(detail, fields, "dropBytes", "dropModified");
                break;
            case (EntityRecord.Delivery, "stored"):
                fields["state"] = nameof(DeliveryState.Stored);
                Copy(detail, fields, "sha256", "bytes");
                break;
            case (EntityRecord.Delivery, "settled"):
                fields["settled"] = "yes";
                break;
            case (EntityRecord.Delivery, "released"):
                fields["state"] = nameof(DeliveryState.Accepted);
                break;
            case (EntityRecord.Delivery, "rejected-held"):
                // Unsettled again until its copy is in quarantine.
                fields["state"] = nameof(DeliveryState.Rejected);
                fields["settled"] = null;
                Copy(detail, fields, "reasons", "quarantinePath");
                break;
            case (EntityRecord.Delivery, _) when Enum.TryParse<DeliveryState>(row.Action, ignoreCase: true, out var state):
                fields["state"] = state.ToString();
                Copy(detail, fields, "reasons", "duplicateOf", "setAsideRows", "quarantinePath", "acceptedRows");

                // A refusal may record the digest and size it found; one stored already keeps its own.
                foreach (var kept in new[] { "sha256", "bytes" })
                {
                    fields[kept] = fields.GetValueOrDefault(kept) ?? Text(detail, kept);
                }

                break;
            case (EntityRecord.Run, "started"):
                fields["state"] = nameof(RunState.Running);
                fields["startedAt"] = row.At;
                fields["inputs"] = InputsText(detail.GetProperty("deliveries").EnumerateArray().Select(e => e.GetString()!));
                fields["stage"] = nameof(RunStage.Linking);
                Copy(detail, fields, "project", "runFolder");
                break;
            case (EntityRecord.Run, _):
                ApplyRun(row, detail, fields);
                break;
        }
    }

    /// <summary>A run's transitions after its start (<see cref="RunTransitions"/>): each sets what it changed.</summary>
    private static void ApplyRun(AuditRow row, JsonElement detail, Dictionary<string, string?> fields)
    {
        switch (row.Action)
        {
            case "completed":
                fields["state"] = nameof(RunState.Completed);
                fields["stage"] = nameof(RunStage.Linked);
                break;
            case "linked":
            case "anonymised":
                fields["stage"] = Enum.Parse<RunStage>(row.Action, ignoreCase: true).ToString();
                break;
            case "checked":
                fields["stage"] = nameof(RunStage.Checked);
                Copy(detail, fields, "verdict", "findings");
                break;
            case "held":
                fields["state"] = nameof(RunState.Held);
                break;
            case "approved":
                fields["state"] = nameof(RunState.Running);
                fields["stage"] = nameof(RunStage.Approved);
                fields["decidedAt"] = row.At;
                Copy(detail, fields, "decidedBy");
                break;
            case "published":
                fields["state"] = nameof(RunState.Completed);
                fields["stage"] = nameof(RunStage.Published);
                break;
            case "rejected":
                fields["state"] = nameof(RunState.Rejected);
                fields["decidedAt"] = row.At;
                fields["decisionReason"] = Text(detail, "reason");
                Copy(detail, fields, "decidedBy");
                break;
            case var action when Enum.TryParse<RunState>(action, ignoreCase: true, out var state):
                fields["state"] = state.ToString();
                break;
        }
    }

    /// <summary>The first disagreement between the tables' rows and the replayed chain, or null.</summary>
    public string? Compare(IEnumerable<EntityRecord> tableRows)
    {
        var seen = new HashSet<(string, string)>();
        foreach (var row in tableRows)
        {
            seen.Add((row.Entity, row.Id));
            if (!_entities.TryGetValue((row.Entity, row.Id), out var expected))
            {
                return $"{row.Entity} {row.Id} is in its table but has no audit rows";
            }

            if (expected.GetValueOrDefault("state") is var state && row.Fields.GetValueOrDefault("state") != state)
            {
                return $"{row.Entity} {row.Id} is {row.Fields.GetValueOrDefault("state")} in its table but {state} in the audit chain";
            }

            var differs = Labels.Keys.FirstOrDefault(field => row.Fields.ContainsKey(field) && row.Fields[field] != expected.GetValueOrDefault(field));
            if (differs is not null)
            {
                return $"{row.Entity} {row.Id}: its {Labels[differs]} is not the one the audit chain recorded";
            }
        }

        return _entities.Keys.Where(k => !seen.Contains(k)).Select(k => $"{k.Entity} {k.Id} is in the audit chain but not in its table").FirstOrDefault();
    }

    private static void Copy(JsonElement detail, Dictionary<string, string?> fields, params string[] names)
    {
        foreach (var name in names)
        {
            fields[name] = Text(detail, name);
        }
    }

    private static string? Text(JsonElement detail, string name) =>
        !detail.TryGetProperty(name, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetInt64().ToString(CultureInfo.InvariantCulture),
            _ => value.GetRawText(),
        };
}
