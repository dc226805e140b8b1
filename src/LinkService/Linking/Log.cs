using LinkService.Ledger.Runs;
using Microsoft.Extensions.Logging;

namespace LinkService.Linking;

internal static partial class Log
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Linkage run {RunId} of project {Project} started on {DeliveryCount} deliveries ({Trigger})")]
    public static partial void RunStarted(ILogger logger, string runId, string project, int deliveryCount, string trigger);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Linkage run {RunId} of project {Project} completed in {Seconds:0.0} s")]
    public static partial void RunCompleted(ILogger logger, string runId, string project, double seconds);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Error, Message = "Linkage run {RunId} of project {Project} failed: {Reason}")]
    public static partial void RunFailed(ILogger logger, Exception exception, string runId, string project, string reason);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Linkage run {RunId} of project {Project} was cancelled: a stop was requested (service stopping or command interrupted)")]
    public static partial void RunCancelled(ILogger logger, string runId, string project);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Project {Project} not linked: {Reason}")]
    public static partial void RunNotStarted(ILogger logger, string project, string reason);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning, Message = "Linkage run {RunId} of project {Project} was abandoned and is recorded as failed: {Reason}")]
    public static partial void RunInterrupted(ILogger logger, string runId, string project, string reason);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Information, Message = "Project {Project}'s schedule fired at {Due:u} after its last run began, while the service was down or when no run was due; its due rule is judged again now (misfire: run-once)")]
    public static partial void CatchingUp(ILogger logger, string project, DateTimeOffset due);

    [LoggerMessage(EventId = 1600, Level = LogLevel.Information, Message = "Linkage run {RunId} of project {Project} is running in {Owner} (lease until {Expires:u}); left to it, and the project is not run here meanwhile")]
    public static partial void RunHeldElsewhere(ILogger logger, string runId, string project, RunOwner owner, DateTimeOffset expires);

    [LoggerMessage(EventId = 1601, Level = LogLevel.Error, Message = "Linkage run {RunId} lost its lease: another process took it over after the lease expired; this process stops it")]
    public static partial void LeaseLost(ILogger logger, string runId);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Warning, Message = "Linkage run {RunId} could not renew its lease (will try again): {Reason}")]
    public static partial void LeaseRenewalFailed(ILogger logger, Exception exception, string runId, string reason);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Error, Message = "Checking runs whose leases expire failed (will try again): {Reason}")]
    public static partial void RecoveryFailed(ILogger logger, Exception exception, string reason);

    [LoggerMessage(EventId = 1703, Level = LogLevel.Critical, Message = "The stored copy of delivery {DeliveryId} of source {Source} {Problem}")]
    public static partial void StoredDeliveryAltered(ILogger logger, string deliveryId, string source, string problem);

    [LoggerMessage(EventId = 1704, Level = LogLevel.Critical, Message = "Project {Project} not linked: the ledger fails its check, {Problem}")]
    public static partial void LedgerUntrusted(ILogger logger, string project, string problem);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Linkage job of project {Project} fired here by trigger {Trigger}, due {Due:O}")]
    public static partial void JobFired(ILogger logger, string project, string trigger, DateTimeOffset due);
}
