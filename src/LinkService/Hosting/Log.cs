using Microsoft.Extensions.Logging;

namespace LinkService.Hosting;

internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Critical, Message = "LinkService stopped unexpectedly")]
    public static partial void ServiceFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "LinkService stopped")]
    public static partial void ServiceStopped(ILogger logger);

    [LoggerMessage(EventId = 1604, Level = LogLevel.Information, Message = "LinkService holds the site {WorkRoot} as process {ProcessId}: a second service there exits")]
    public static partial void SiteHeld(ILogger logger, string workRoot, int processId);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "The work folder {WorkRoot} was open to every account (mode {Mode}); others' access removed")]
    public static partial void WorkFolderTightened(ILogger logger, string workRoot, string mode);
}
