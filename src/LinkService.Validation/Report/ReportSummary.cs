using System.Globalization;
using System.Text;

namespace LinkService.Validation.Report;

/// <summary>The readable summary: a few lines a department officer can act on.</summary>
internal static class ReportSummary
{
    private const int ErrorsShown = 20;

    public static string Write(ValidationReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"File:    {report.FileName}").AppendLine();
        sb.Append(c, $"Source:  {report.SourceName} (schema {report.SchemaName})").AppendLine();
        sb.Append(c, $"Outcome: {Describe(report.Outcome)}").AppendLine();
        sb.Append(c, $"Rows:    {report.RowsRead:N0} read, {report.SetAsideRows.Count:N0} set aside; {report.Bytes:N0} bytes").AppendLine();
        foreach (var reason in report.RejectionReasons)
        {
            sb.Append(c, $"Reason:  {reason}").AppendLine();
        }

        if (report.ErrorCount == 0)
        {
            sb.AppendLine("No errors.");
            return sb.ToString();
        }

        sb.Append(c, $"Errors:  {report.ErrorCount:N0}").AppendLine();
        foreach (var (type, count) in report.ErrorCounts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            sb.Append(c, $"  {type,-18} {count,12:N0}").AppendLine();
        }

        var shown = report.Errors.Take(ErrorsShown).ToList();
        sb.Append(c, $"First {shown.Count} error(s):").AppendLine();
        foreach (var error in shown)
        {
            sb.Append("  ").Append(Where(error)).Append(error.Type).Append(": ").AppendLine(error.Message);
        }

        if (report.ErrorCount > shown.Count)
        {
            sb.Append(c, $"  ... and {report.ErrorCount - shown.Count:N0} more (see the JSON report)").AppendLine();
        }

        return sb.ToString();
    }

    private static string Describe(ValidationOutcome outcome) => outcome switch
    {
        ValidationOutcome.Valid => "VALID - accepted",
        ValidationOutcome.AcceptedWithSetAside => "ACCEPTED - failing rows set aside",
        _ => "REJECTED - the delivery is quarantined whole",
    };

    private static string Where(ValidationError error)
    {
        var c = CultureInfo.InvariantCulture;
        var parts = new List<string>();
        if (error.RowNumber is { } row)
        {
            parts.Add(error.LineNumber is { } line ? string.Create(c, $"row {row} (line {line})") : string.Create(c, $"row {row}"));
        }
        else if (error.LineNumber is { } line)
        {
            parts.Add(string.Create(c, $"line {line}"));
        }

        if (error.FieldName is { } field)
        {
            parts.Add(error.FieldNumber is { } n ? string.Create(c, $"field '{field}' (column {n})") : $"field '{field}'");
        }

        return parts.Count == 0 ? "" : string.Join(", ", parts) + ": ";
    }
}
