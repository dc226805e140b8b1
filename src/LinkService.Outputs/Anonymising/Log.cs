using Microsoft.Extensions.Logging;

namespace LinkService.Outputs.Anonymising;

/// <summary>The anonymise stage's log lines: runs, files and counts, never a value or a record key.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Person pseudonyms for run {RunId} of project {Project}: {Carried} carried forward, {New} new, {Retired} earlier ones not seen again")]
    public static partial void PersonsAssigned(ILogger logger, string runId, string project, int carried, int @new, int retired);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Warning, Message = "Run {RunId} of project {Project}: the previous run's folder has no person map, so every person gets a new pseudonym")]
    public static partial void NoPreviousPersonMap(ILogger logger, string runId, string project);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Information, Message = "Wrote {FileName} for run {RunId}: {Rows} rows; k-anonymity classes below k {ClassesBelowK}, rows suppressed {Suppressed}, dropped {Dropped}")]
    public static partial void FileWritten(ILogger logger, string fileName, string runId, long rows, long classesBelowK, long suppressed, long dropped);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Warning, Message = "Run {RunId}: column {Column} of {FileName} is blank on all {Rows} rows of delivery {DeliveryId}, which has no column for field {Field} (a field the schema gained after the delivery was accepted, or one its fieldsMatch lets a file leave out)")]
    public static partial void ColumnAbsent(ILogger logger, string runId, string column, string fileName, long rows, string deliveryId, string field);
}
