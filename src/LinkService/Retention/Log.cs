using Microsoft.Extensions.Logging;

namespace LinkService.Retention;

internal static partial class Log
{
    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Retention deleted the {Item} of {EntityId} ({Owner}): past its period {Period} and needed no more; recorded in the audit chain")]
    public static partial void Deleted(ILogger logger, string item, string entityId, string owner, string period);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Retention keeps the {Item} of {EntityId} ({Owner}) past its period: {Reason}")]
    public static partial void Kept(ILogger logger, string item, string entityId, string owner, string reason);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "Retention found the {Item} of {EntityId} ({Owner}) already gone, though nothing had recorded its deletion; recorded now as already absent")]
    public static partial void RecordedAbsent(ILogger logger, string item, string entityId, string owner);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Information, Message = "Retention finished deleting the {Item} of {EntityId} ({Owner}), whose deletion an earlier pass recorded but did not complete")]
    public static partial void DeletionFinished(ILogger logger, string item, string entityId, string owner);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Error, Message = "Retention could not delete the {Item} of {EntityId} ({Owner}): {Reason}; its deletion is recorded and the next pass tries again")]
    public static partial void DeletionFailed(ILogger logger, string item, string entityId, string owner, string reason);

    [LoggerMessage(EventId = 1406, Level = LogLevel.Information, Message = "Retention pass done: {Deleted} deleted, {Kept} kept past their period, {Failed} not deleted")]
    public static partial void SweepDone(ILogger logger, int deleted, int kept, int failed);

    [LoggerMessage(EventId = 1407, Level = LogLevel.Critical, Message = "Retention deletes nothing: the ledger fails its check, {Problem}")]
    public static partial void LedgerUntrusted(ILogger logger, string problem);
}
