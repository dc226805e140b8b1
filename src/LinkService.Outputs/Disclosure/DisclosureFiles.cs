namespace LinkService.Outputs.Disclosure;

/// <summary>The files the disclosure check writes into an output folder, beside the aggregate tables (<c>&lt;name&gt;.csv</c>).</summary>
public static class DisclosureFiles
{
    /// <summary>The report for programs: the verdict, each subject's verdict and every finding.</summary>
    public const string ReportJson = "disclosure-report.json";

    /// <summary>The same report for people (Markdown).</summary>
    public const string ReportText = "disclosure-report.md";
}
