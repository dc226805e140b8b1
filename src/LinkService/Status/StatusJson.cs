using System.Text;
using System.Text.Json;
using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Runs;

namespace LinkService.Status;

/// <summary>
/// <c>linkservice status --json</c>: what the text says, for a monitoring tool. Names files, sources, projects and
/// runs, and reasons as the ledger keeps them (rule names and rows); never a cell value.
/// </summary>
internal static class StatusJson
{
    public static string Render(StatusFacts facts)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("checkedAt", facts.Now);
            json.WriteBoolean("intact", facts.IsIntact);
            WriteIntegrity(json, facts);
            WriteDeliveryCounts(json, facts);
            json.WriteStartArray("recentDeliveries");
            foreach (var delivery in facts.RecentDeliveries)
            {
                WriteDelivery(json, delivery);
            }

            json.WriteEndArray();
            WriteWaiting(json, facts);
            WriteRuns(json, "recentRuns", facts.Ledger.RecentRuns);
            WriteRuns(json, "approvalsWaiting", facts.Ledger.AwaitingApproval);
            WriteSources(json, facts.SourceStates);
            WriteProjects(json, facts.Projects);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }

    private static void WriteSources(Utf8JsonWriter json, IReadOnlyList<SourceFacts> sources)
    {
        json.WriteStartArray("sources");
        foreach (var source in sources)
        {
            json.WriteStartObject();
            json.WriteString("source", source.Source);
            if (source.Current is { } current)
            {
                json.WritePropertyName("currentDelivery");
                WriteDelivery(json, current);
            }
            else
            {
                json.WriteNull("currentDelivery");
            }

            json.WriteStartArray("held");
            foreach (var held in source.Held)
            {
                WriteDelivery(json, held);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteProjects(Utf8JsonWriter json, IReadOnlyList<ProjectFacts> projects)
    {
        json.WriteStartArray("projects");
        foreach (var project in projects)
        {
            json.WriteStartObject();
            json.WriteString("project", project.Project);
            if (project.NextFire is { } next)
            {
                json.WriteString("nextFire", next);
                json.WriteString("timeZone", project.TimeZone);
            }
            else
            {
                json.WriteNull("nextFire");
            }

            json.WriteBoolean("due", project.Due.IsDue);
            json.WriteString("dueReason", project.Due.Reason);
            WriteRuns(json, "lastRuns", project.LastRuns);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteIntegrity(Utf8JsonWriter json, StatusFacts facts)
    {
        json.WriteStartObject("auditChain");
        json.WriteBoolean("intact", facts.Audit.IsIntact);
        json.WriteNumber("rowsChecked", facts.Audit.RowsChecked);
        WriteOptional(json, "problem", facts.Audit.Problem);
        json.WriteEndObject();
        json.WriteStartObject("store");
        json.WriteBoolean("intact", facts.Store.IsIntact);
        json.WriteNumber("copiesChecked", facts.Store.CopiesChecked);
        WriteStrings(json, "problems", facts.Store.Problems);
        json.WriteEndObject();
    }

    private static void WriteDeliveryCounts(Utf8JsonWriter json, StatusFacts facts)
    {
        json.WriteStartArray("deliveries");
        foreach (var source in facts.Sources)
        {
            json.WriteStartObject();
            json.WriteString("source", source);
            foreach (var state in StatusFacts.Outcomes)
            {
                json.WriteNumber(StatusWords.Outcome(state), facts.Count(source, s => s == state));
            }

            json.WriteNumber("inProgress", facts.Count(source, s => !StatusFacts.Outcomes.Contains(s)));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteDelivery(Utf8JsonWriter json, Delivery delivery)
    {
        json.WriteStartObject();
        json.WriteString("id", delivery.Id);
        json.WriteString("source", delivery.Source);
        json.WriteString("file", delivery.OriginalName);
        json.WriteString("receivedAt", delivery.ReceivedAt);
        json.WriteString("outcome", StatusWords.Outcome(delivery.State));
        WriteStrings(json, "reasons", delivery.Reasons);
        WriteOptional(json, "duplicateOf", delivery.DuplicateOf);
        if (delivery.SetAsideRows is { } setAside)
        {
            json.WriteNumber("setAsideRows", setAside);
        }

        if (delivery.AcceptedRows is { } rows)
        {
            json.WriteNumber("acceptedRows", rows);
        }

        json.WriteEndObject();
    }

    private static void WriteWaiting(Utf8JsonWriter json, StatusFacts facts)
    {
        if (facts.Waiting is not { } waiting)
        {
            json.WriteNull("waiting");
            return;
        }

        json.WriteStartObject("waiting");
        json.WriteString("seenAt", waiting.WrittenAt);
        json.WriteStartArray("files");
        foreach (var file in waiting.Files)
        {
            json.WriteStartObject();
            json.WriteString("source", file.Source);
            json.WriteString("file", file.Name);
            json.WriteString("since", file.Since);
            json.WriteString("waitsFor", file.WaitsFor);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRuns(Utf8JsonWriter json, string name, IReadOnlyList<LinkageRun> runs)
    {
        json.WriteStartArray(name);
        foreach (var run in runs)
        {
            WriteRun(json, run);
        }

        json.WriteEndArray();
    }

    private static void WriteRun(Utf8JsonWriter json, LinkageRun run)
    {
        json.WriteStartObject();
        json.WriteString("id", run.Id);
        json.WriteString("project", run.Project);
        json.WriteString("state", StatusWords.Of(run.State));
        json.WriteString("stage", StatusWords.Of(run.Stage));
        json.WriteString("startedAt", run.StartedAt);
        if (run.FinishedAt is { } finished)
        {
            json.WriteString("finishedAt", finished);
        }

        json.WriteStartObject("counts");
        foreach (var (key, value) in run.Counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            json.WriteNumber(key, value);
        }

        json.WriteEndObject();
        if (run.Check is { } check)
        {
            json.WriteStartObject("check");
            json.WriteString("verdict", check.Verdict);
            json.WriteNumber("findings", check.Findings);
            json.WriteEndObject();
        }

        if (run.Decision is { } decision)
        {
            json.WriteStartObject("decision");
            json.WriteString("by", decision.By);
            json.WriteString("at", decision.At);
            WriteOptional(json, "reason", decision.Reason);
            json.WriteEndObject();
        }

        WriteOptional(json, "failureReason", run.FailureReason);
        if (run.Lease is { } lease)
        {
            json.WriteStartObject("lease");
            json.WriteString("owner", lease.Owner.ToString());
            json.WriteString("expiresAt", lease.ExpiresAt);
            if (OwnerProcess.IsRunning(lease.Owner) is { } running)
            {
                json.WriteBoolean("ownerRunning", running);
            }
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
