using Microsoft.Extensions.Logging;

namespace LinkService.Keys;

internal static partial class Log
{
    [LoggerMessage(EventId = 1701, Level = LogLevel.Warning, Message = "Created the master key at {Path} for this new site. Back it up offline: without it the audit chain cannot be verified and pseudonyms cannot be reproduced")]
    public static partial void MasterKeyCreated(ILogger logger, string path);

    [LoggerMessage(EventId = 1702, Level = LogLevel.Critical, Message = "LinkService refuses to start: {Problem}")]
    public static partial void MasterKeyUnusable(ILogger logger, string problem);
}
