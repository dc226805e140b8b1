using Microsoft.Extensions.Logging;

namespace LinkService.Linkage.Running;

/// <summary>The runner's log lines: ids, counts and durations, never a value from a record.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Linkage of project {Project} started on {Inputs} deliveries")]
    public static partial void LinkageStarted(ILogger logger, string project, int inputs);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Read {Records} records of source {Source} from delivery {DeliveryId} in {Milliseconds} ms")]
    public static partial void DeliveryRead(ILogger logger, int records, string source, string deliveryId, long milliseconds);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Linkage stage {Stage} took {Milliseconds} ms")]
    public static partial void StageCompleted(ILogger logger, string stage, long milliseconds);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Linkage of project {Project} compared {Pairs} pairs, made {Links} links and {Entities} entities, {Review} pairs for review, in {Milliseconds} ms")]
    public static partial void LinkageCompleted(ILogger logger, string project, long pairs, long links, int entities, long review, long milliseconds);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Blocking rule {Rule} skipped {Blocks} blocks holding {Records} records (larger than its maxBlockSize)")]
    public static partial void BlocksSkipped(ILogger logger, string rule, long blocks, long records);
}
