using System.Globalization;
using System.Text;

namespace LinkService.Validation.Report;

/// <summary>
/// The readable summary: a few lines a department officer can act on. Row errors are grouped by field and problem
/// ("date_of_birth: 2,988 rows are not dd/mm/yyyy; they look like yyyy-mm-dd (rows 1, 2, 3, 4, 5, …)"); errors
/// with no row (the file, the header), and any a group does not count, are listed one by one.
/// </summary>
internal static class ReportSummary
{
    private const int FileErrorsShown = 20;

    public static string Write(ValidationReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"File:    {report.FileName}").AppendLine();
        sb.Append(c, $"Source:  {report.SourceName} (schema {report.SchemaName})").AppendLine();
        // "Content", not "Outcome": a receipt's outcome may be held or rejected by the custodian although the content is valid.
        sb.Append(c, $"Content: {Describe(report.Outcome)}").AppendLine();
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
        foreach (var group in report.ErrorGroups)
        {
            sb.Append("  ").AppendLine(Line(group));
        }

        // Errors with no row, and those in a row that no group counts (a row that stopped the check: a field longer than
        // the parser takes, say), one by one: the count above is never left without a line saying what it counts.
        var single = report.Errors
            .Where(e => e.RowNumber is null || !report.ErrorGroups.Any(g => g.Type == e.Type && g.Field == e.FieldName))
            .Take(FileErrorsShown).ToList();
        foreach (var error in single)
        {
            sb.Append("  ").Append(Where(error)).Append(error.Type).Append(": ").AppendLine(error.Message);
        }

        return sb.ToString();
    }

    /// <summary>"date_of_birth: 2,988 rows are not dd/mm/yyyy; they look like yyyy-mm-dd (rows 1, 2, 3, 4, 5, …)".</summary>
    public static string Line(ErrorGroup group)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(group.Field ?? "(whole row)").Append(": ");
        text.Append(c, $"{group.Rows:N0} {(group.Rows == 1 ? "row" : "rows")} {group.ProblemFor(group.Rows)}");
        if (group.LooksLike is { } layout)
        {
            text.Append(c, $"; {(group.Rows == 1 ? "it looks" : "they look")} like {layout}");
        }

        text.Append(group.FirstRows.Count == 1 ? " (row " : " (rows ");
        text.AppendJoin(", ", group.FirstRows.Select(r => r.ToString(c)));
        return text.Append(group.HasUnlistedRows ? ", …)" : ")").ToString();
    }

    private static string Describe(ValidationOutcome outcome) => outcome switch
    {
        ValidationOutcome.Valid => "VALID - every row meets the schema",
        ValidationOutcome.AcceptedWithSetAside => "VALID IN PART - the failing rows are set aside, the rest meet the schema",
        _ => "REJECTED - the delivery is quarantined whole",
    };

    private static string Where(ValidationError error)
    {
        var c = CultureInfo.InvariantCulture;
        var parts = new List<string>();
        if (error.RowNumber is { } row)
        {
            parts.Add(string.Create(c, $"row {row}"));
        }

        if (error.LineNumber is { } line)
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
