namespace LinkService.Outputs.Stages;

/// <summary>The outcome of a check, of a table or of a whole output; the worst finding decides.</summary>
public enum DisclosureVerdict
{
    Pass,
    Review,
    Fail,
}

/// <summary>One rule applied to one file or table. The reason names columns and counts, never values.</summary>
public sealed record DisclosureFinding(string Subject, string Rule, DisclosureVerdict Verdict, string Reason);

/// <summary>
/// The disclosure check of an output: its verdict, every finding, and the aggregate tables the check wrote
/// (after suppression and rounding) beside the record files.
/// </summary>
public sealed record DisclosureReport(
    DisclosureVerdict Verdict,
    IReadOnlyList<DisclosureFinding> Findings,
    IReadOnlyList<OutputTable> Tables);
