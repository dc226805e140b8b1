using Microsoft.Extensions.Logging;

namespace LinkService.Validation;

/// <summary>What the check logs: which delivery, counts and durations, never a data value.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Validating {FileName} for source {Source}")]
    public static partial void ValidationStarted(ILogger logger, string source, string fileName);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information,
        Message = "Validated {FileName} for source {Source}: {Outcome}, {Rows} rows, {Errors} errors, {SetAside} set aside, in {ElapsedMs} ms")]
    public static partial void ValidationFinished(ILogger logger, string source, string fileName, string outcome, long rows, long errors, int setAside, long elapsedMs);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Delivery {FileName} for source {Source} was rejected: {ReasonCount} reason(s)")]
    public static partial void DeliveryRejected(ILogger logger, string source, string fileName, int reasonCount);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Key hashes for {FileName} spilled to {Runs} run(s) on disk")]
    public static partial void KeysSpilled(ILogger logger, string fileName, int runs);

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Removed {FolderCount} folder(s) of spilled key hashes left by a check an earlier run did not finish")]
    public static partial void SpillFoldersRemoved(ILogger logger, int folderCount);
}
