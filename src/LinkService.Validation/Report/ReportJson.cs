using System.Buffers;
using System.Text;
using System.Text.Json;

namespace LinkService.Validation.Report;

/// <summary>Writes a report as Frictionless does (valid, stats, tasks[0] with errors), plus LinkService's outcome.</summary>
internal static class ReportJson
{
    public static string Write(ValidationReport report)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteBoolean("valid", report.IsValid);
            json.WriteString("outcome", OutcomeName(report.Outcome));
            json.WriteStartObject("stats");
            json.WriteNumber("tasks", 1);
            json.WriteNumber("errors", report.ErrorCount);
            json.WriteNumber("warnings", 0);
            json.WriteNumber("seconds", Math.Round(report.Duration.TotalSeconds, 3));
            json.WriteEndObject();
            json.WriteStartArray("warnings");
            json.WriteEndArray();
            json.WriteStartArray("errors");
            json.WriteEndArray();
            json.WriteStartArray("tasks");
            WriteTask(json, report);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string OutcomeName(ValidationOutcome outcome) => outcome switch
    {
        ValidationOutcome.Valid => "valid",
        ValidationOutcome.AcceptedWithSetAside => "accepted-with-set-aside",
        _ => "rejected",
    };

    private static void WriteTask(Utf8JsonWriter json, ValidationReport report)
    {
        json.WriteStartObject();
        json.WriteString("name", report.SourceName);
        json.WriteString("type", "table");
        json.WriteBoolean("valid", report.IsValid);
        json.WriteString("place", report.FileName);
        json.WriteString("schema", report.SchemaName);
        json.WriteString("startedAt", report.StartedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteStartArray("labels");
        foreach (var label in report.Labels)
        {
            json.WriteStringValue(label);
        }

        json.WriteEndArray();
        json.WriteStartObject("stats");
        json.WriteNumber("errors", report.ErrorCount);
        json.WriteNumber("warnings", 0);
        json.WriteNumber("seconds", Math.Round(report.Duration.TotalSeconds, 3));
        json.WriteNumber("bytes", report.Bytes);
        json.WriteNumber("decompressedBytes", report.DecompressedBytes);
        json.WriteNumber("fields", report.Labels.Count);
        json.WriteNumber("rows", report.RowsRead);
        json.WriteNumber("rowsSetAside", report.SetAsideRows.Count);
        json.WriteStartObject("errorTypes");
        foreach (var (type, count) in report.ErrorCounts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json.WriteNumber(type, count);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("rejectionReasons");
        foreach (var reason in report.RejectionReasons)
        {
            json.WriteStringValue(reason);
        }

        json.WriteEndArray();
        json.WriteStartArray("setAsideRows");
        foreach (var row in report.SetAsideRows)
        {
            json.WriteNumberValue(row);
        }

        json.WriteEndArray();
        json.WriteBoolean("errorsTruncated", report.ErrorsTruncated);
        json.WriteStartArray("errorGroups");
        foreach (var group in report.ErrorGroups)
        {
            WriteGroup(json, group);
        }

        json.WriteEndArray();
        json.WriteStartArray("warnings");
        json.WriteEndArray();
        json.WriteStartArray("errors");
        foreach (var error in report.Errors)
        {
            WriteError(json, error);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteGroup(Utf8JsonWriter json, ErrorGroup group)
    {
        json.WriteStartObject();
        json.WriteString("fieldName", group.Field);
        json.WriteString("type", group.Type);
        json.WriteString("problem", group.Problem);
        json.WriteNumber("rows", group.Rows);
        json.WriteStartArray("firstRows");
        foreach (var row in group.FirstRows)
        {
            json.WriteNumberValue(row);
        }

        json.WriteEndArray();
        json.WriteString("looksLike", group.LooksLike);
        json.WriteEndObject();
    }

    private static void WriteError(Utf8JsonWriter json, ValidationError error)
    {
        json.WriteStartObject();
        json.WriteString("type", error.Type);
        json.WriteString("title", error.Title);
        json.WriteString("message", error.Message);
        json.WriteStartArray("tags");
        foreach (var tag in ErrorTypes.Tags(error.Type))
        {
            json.WriteStringValue(tag);
        }

        json.WriteEndArray();
        if (error.RowNumber is { } row)
        {
            json.WriteNumber("rowNumber", row);
        }

        if (error.LineNumber is { } line)
        {
            json.WriteNumber("lineNumber", line);
        }

        if (error.FieldName is { } name)
        {
            json.WriteString("fieldName", name);
        }

        if (error.FieldNumber is { } number)
        {
            json.WriteNumber("fieldNumber", number);
        }

        json.WriteEndObject();
    }
}
