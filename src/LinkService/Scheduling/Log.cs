using Microsoft.Extensions.Logging;

namespace LinkService.Scheduling;

internal static partial class Log
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Project {Project} is not due, so no run was started: {Reason}; next fire at {NextFire:yyyy-MM-dd HH:mm:ss zzz}")]
    public static partial void NotDue(ILogger logger, string project, string reason, DateTimeOffset? nextFire);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Project {Project} is due: {Reason}")]
    public static partial void Due(ILogger logger, string project, string reason);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Project {Project} runs on '{Cron}' in time zone {TimeZone}{HostsZone}; due: {Due}, misfire: {Misfire}; next fire at {NextFire:yyyy-MM-dd HH:mm:ss zzz}")]
    public static partial void Scheduled(ILogger logger, string project, string cron, string timeZone, string hostsZone, string due, string misfire, DateTimeOffset? nextFire);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "Project {Project} missed its fire at {Missed:yyyy-MM-dd HH:mm:ss zzz} while the service was down; misfire: skip, so nothing runs now; next fire at {NextFire:yyyy-MM-dd HH:mm:ss zzz}")]
    public static partial void MissedAndSkipped(ILogger logger, string project, DateTimeOffset missed, DateTimeOffset? nextFire);
}
