using Microsoft.Extensions.Logging;

namespace LinkService.Intake;

/// <summary>Intake's log lines: delivery ids, sources, counts and rules; never a file's content or a department's file name.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Delivery {DeliveryId} received from {Source}")]
    public static partial void Received(ILogger logger, string deliveryId, string source);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Delivery {DeliveryId} from {Source} stored: {Bytes} bytes in {ElapsedMs} ms")]
    public static partial void Stored(ILogger logger, string deliveryId, string source, long bytes, long elapsedMs);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Delivery {DeliveryId} from {Source} accepted ({SetAsideRows} rows set aside)")]
    public static partial void Accepted(ILogger logger, string deliveryId, string source, int setAsideRows);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} from {Source} rejected: {ReasonCount} reasons")]
    public static partial void Rejected(ILogger logger, string deliveryId, string source, int reasonCount);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} from {Source} is a duplicate of {DuplicateOf}; quarantined")]
    public static partial void Duplicate(ILogger logger, string deliveryId, string source, string duplicateOf);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} from {Source} refused: {Reasons}")]
    public static partial void Refused(ILogger logger, string deliveryId, string source, string reasons);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Delivery {DeliveryId} from {Source} changed while it was copied; it will be taken again once quiet")]
    public static partial void ChangedWhileCopying(ILogger logger, string deliveryId, string source);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "Resuming delivery {DeliveryId} from {Source}, left {State} by an earlier run")]
    public static partial void Resuming(ILogger logger, string deliveryId, string source, LinkService.Ledger.Deliveries.DeliveryState state);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Error, Message = "Delivery {DeliveryId} from {Source} could not be handled; it will be retried")]
    public static partial void DeliveryFailed(ILogger logger, Exception exception, string deliveryId, string source);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Error, Message = "Scanning the drop folder of {Source} failed; it will be retried")]
    public static partial void ScanFailed(ILogger logger, Exception exception, string source);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "The watcher on the drop folder of {Source} failed; rescanning and recreating it")]
    public static partial void WatcherFailed(ILogger logger, Exception exception, string source);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} names source {Source}, which is no longer configured; left as it is")]
    public static partial void UnknownSource(ILogger logger, string deliveryId, string source);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Information, Message = "Intake watching {SourceCount} drop folders, sweeping every {SweepInterval}")]
    public static partial void Started(ILogger logger, int sourceCount, TimeSpan sweepInterval);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Information, Message = "Removed {FileCount} partial copies left in staging by an earlier run")]
    public static partial void StagingCleared(ILogger logger, int fileCount);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Error, Message = "An intake pass failed; it will be retried at the next sweep")]
    public static partial void PassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3016, Level = LogLevel.Error, Message = "Delivery {DeliveryId} from {Source} could not be finished; next try at {NextAttempt:u}")]
    public static partial void ResumeFailed(ILogger logger, Exception exception, string deliveryId, string source, DateTimeOffset nextAttempt);

    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "Delivery {DeliveryId} from {Source} ends mid-record (no final line end, or an open quote); it waits for the rest")]
    public static partial void CutOff(ILogger logger, string deliveryId, string source);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "The drop file of delivery {DeliveryId} from {Source} changed after it was taken (its size or time moved on); it was left in place to be taken as a new delivery")]
    public static partial void ChangedAfterTaken(ILogger logger, string deliveryId, string source);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Intake cannot see when an upload's writer closes a file on this system; every file waits {FallbackQuietPeriod} without change")]
    public static partial void NoWriterSignal(ILogger logger, TimeSpan fallbackQuietPeriod);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Error, Message = "The drop file of delivery {DeliveryId} from {Source} was written to after it was taken and removed: the bytes written since are in no delivery; the department must deliver the file again")]
    public static partial void WrittenAfterTaken(ILogger logger, string deliveryId, string source);

    [LoggerMessage(EventId = 3500, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} from {Source} is valid but held for the custodian: {Reason}")]
    public static partial void Held(ILogger logger, string deliveryId, string source, string reason);

    [LoggerMessage(EventId = 3501, Level = LogLevel.Information, Message = "Held delivery {DeliveryId} from {Source} was {Decision} by {By}")]
    public static partial void HeldDecided(ILogger logger, string deliveryId, string source, string decision, string by);

    [LoggerMessage(EventId = 3400, Level = LogLevel.Information, Message = "Published the delivery contract of {Source} (CONTRACT.md, datapackage.json) in its outbox")]
    public static partial void ContractPublished(ILogger logger, string source);

    [LoggerMessage(EventId = 3401, Level = LogLevel.Error, Message = "The delivery contract of {Source} could not be written to its outbox; intake goes on")]
    public static partial void ContractNotPublished(ILogger logger, Exception exception, string source);

    [LoggerMessage(EventId = 3700, Level = LogLevel.Debug, Message = "Delivery {DeliveryId} from {Source} is being handled by another node; left to it")]
    public static partial void DeliveryClaimedElsewhere(ILogger logger, string deliveryId, string source);

    [LoggerMessage(EventId = 3701, Level = LogLevel.Debug, Message = "Drop file {FileName} of {Source} is being taken by another node; left to it")]
    public static partial void DropFileClaimedElsewhere(ILogger logger, string source, string fileName);
}
