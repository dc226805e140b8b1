using LinkService.Validation.Report;

namespace LinkService.Validation.Checking;

/// <summary>What one pass over a delivery found, before the tolerance decides the outcome.</summary>
internal sealed record CheckResult(
    ReportBuilder Report,
    long Rows,
    long FileBytes,
    long TextBytes,
    IReadOnlyList<string> Labels,
    bool HeaderAccepted,
    int SpilledRuns);
