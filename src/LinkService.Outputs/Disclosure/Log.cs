using LinkService.Outputs.Stages;
using Microsoft.Extensions.Logging;

namespace LinkService.Outputs.Disclosure;

/// <summary>The disclosure check's log lines: names, counts and verdicts, never a group's label or a value.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 8300, Level = LogLevel.Information, Message = "Disclosure check of project {Project} run {RunId} started: {Files} record files, {Tables} tables")]
    public static partial void CheckStarted(ILogger logger, string project, string runId, int files, int tables);

    [LoggerMessage(EventId = 8301, Level = LogLevel.Information, Message = "Table {Table} checked: {Verdict}, {Cells} cells, {Suppressed} suppressed, released {Released}")]
    public static partial void TableChecked(ILogger logger, string table, DisclosureVerdict verdict, int cells, int suppressed, bool released);

    [LoggerMessage(EventId = 8302, Level = LogLevel.Information, Message = "Disclosure check of project {Project} run {RunId} done: {Verdict} from {Findings} findings in {Milliseconds} ms")]
    public static partial void CheckCompleted(ILogger logger, string project, string runId, DisclosureVerdict verdict, int findings, long milliseconds);
}
