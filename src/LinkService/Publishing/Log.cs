using LinkService.Configuration.Projects.Outputs;
using LinkService.Ledger.Runs;
using Microsoft.Extensions.Logging;

namespace LinkService.Publishing;

internal static partial class Log
{
    [LoggerMessage(EventId = 1801, Level = LogLevel.Information, Message = "Run {RunId} of project {Project}: {Stage} in {Seconds:0.0} s")]
    public static partial void StageCompleted(ILogger logger, string runId, string project, RunStage stage, double seconds);

    [LoggerMessage(EventId = 1802, Level = LogLevel.Information, Message = "Run {RunId} of project {Project} is held for the custodian: disclosure verdict {Verdict}, {Findings} findings to review (approval {Approval})")]
    public static partial void RunHeld(ILogger logger, string runId, string project, string verdict, long findings, ApprovalMode approval);

    [LoggerMessage(EventId = 1803, Level = LogLevel.Information, Message = "Run {RunId} of project {Project} approved ({By})")]
    public static partial void RunApproved(ILogger logger, string runId, string project, string by);

    [LoggerMessage(EventId = 1804, Level = LogLevel.Information, Message = "Run {RunId} of project {Project} published to {Folder}")]
    public static partial void RunPublished(ILogger logger, string runId, string project, string folder);

    [LoggerMessage(EventId = 1805, Level = LogLevel.Information, Message = "Run {RunId} of project {Project} was in the export folder already, whole ({Folder}); recorded as published")]
    public static partial void AlreadyPublished(ILogger logger, string runId, string project, string folder);

    [LoggerMessage(EventId = 1806, Level = LogLevel.Warning, Message = "Run {RunId} of project {Project} paused by a stop after stage {Stage}; it resumes at the next start")]
    public static partial void RunPaused(ILogger logger, string runId, string project, RunStage stage);

    [LoggerMessage(EventId = 1807, Level = LogLevel.Error, Message = "Run {RunId} of project {Project} failed after stage {Stage}: {Reason}")]
    public static partial void StageFailed(ILogger logger, Exception exception, string runId, string project, RunStage stage, string reason);

    [LoggerMessage(EventId = 1808, Level = LogLevel.Warning, Message = "Run {RunId} of project {Project} resumes from stage {Stage}: {Reason}")]
    public static partial void RunResumed(ILogger logger, string runId, string project, RunStage stage, string reason);

    [LoggerMessage(EventId = 1809, Level = LogLevel.Warning, Message = "Removed a publish left half-done in staging: {Folder}")]
    public static partial void StagingLeftoverRemoved(ILogger logger, string folder);

    [LoggerMessage(EventId = 1813, Level = LogLevel.Warning, Message = "Could not remove a publish left in staging, kept for the run's next publish to clear: {Folder}")]
    public static partial void StagingLeftoverKept(ILogger logger, string folder, Exception exception);

    [LoggerMessage(EventId = 1810, Level = LogLevel.Information, Message = "Run {RunId} of project {Project} rejected by {By}; its output was discarded")]
    public static partial void RunRejected(ILogger logger, string runId, string project, string by);

    [LoggerMessage(EventId = 1811, Level = LogLevel.Error, Message = "Run {RunId} of project {Project} is no longer this process's: {Reason}")]
    public static partial void RunLostMidStage(ILogger logger, string runId, string project, string reason);

    [LoggerMessage(EventId = 1812, Level = LogLevel.Warning, Message = "Run {RunId} of project {Project} not resumed: {Reason}")]
    public static partial void RunNotResumed(ILogger logger, string runId, string project, string reason);
}
