using Microsoft.Extensions.Logging;

namespace LinkService.Progress;

/// <summary>Progress lines: stage names and counts, never a value from a record.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1350, Level = LogLevel.Information, Message = "Run {RunId} of project {Project}: {Stage}, {Done} of {Total} {Unit} ({Percent:0.0} %) at {Rate:0} a second, about {SecondsLeft:0} s left")]
    public static partial void StageProgress(ILogger logger, string runId, string project, string stage, long done, long total, string unit, double percent, double rate, double secondsLeft);

    [LoggerMessage(EventId = 1351, Level = LogLevel.Information, Message = "Run {RunId} of project {Project}: {Stage}, {Done} {Unit} so far at {Rate:0} a second ({Seconds:0} s)")]
    public static partial void StageCount(ILogger logger, string runId, string project, string stage, long done, string unit, double rate, double seconds);

    [LoggerMessage(EventId = 1352, Level = LogLevel.Information, Message = "Run {RunId} of project {Project}: {Stage}, running for {Seconds:0} s")]
    public static partial void StageRunning(ILogger logger, string runId, string project, string stage, double seconds);
}
