using LinkService.Outputs.Stages;

namespace LinkService.Outputs.Disclosure;

/// <summary>The disclosure report as written: the output's verdict, each file's and table's verdict, every finding.</summary>
internal sealed record ReportDocument(
    string Project,
    string Run,
    DisclosureVerdict Verdict,
    IReadOnlyList<SubjectVerdict> Subjects,
    IReadOnlyList<DisclosureFinding> Findings)
{
    public static ReportDocument Of(OutputRequest request, DisclosureReport report) => new(
        request.Project.Name,
        request.RunId,
        report.Verdict,
        [.. report.Findings.GroupBy(f => f.Subject, StringComparer.Ordinal).Select(g => new SubjectVerdict(g.Key, Verdicts.Worst(g)))],
        report.Findings);
}

/// <summary>The verdict of one file or table: the worst of its findings.</summary>
internal sealed record SubjectVerdict(string Subject, DisclosureVerdict Verdict);
