using Microsoft.Extensions.Logging;

namespace LinkService.Ledger;

internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Ledger schema migrated from version {FromVersion} to {ToVersion}")]
    public static partial void SchemaMigrated(ILogger logger, int fromVersion, int toVersion);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Ledger audit chain broken at row {Sequence}: {Problem}")]
    public static partial void AuditChainBroken(ILogger logger, long sequence, string problem);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Ledger fails its audit check: {Problem}")]
    public static partial void AuditCheckFailed(ILogger logger, string problem);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Audit chain head #{Sequence} {Mac} anchored")]
    public static partial void AuditHeadAnchored(ILogger logger, long sequence, string mac);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Error, Message = "Audit chain head #{Sequence} committed but not written to the anchor file; the next write catches up")]
    public static partial void AnchorNotWritten(ILogger logger, Exception exception, long sequence);

    [LoggerMessage(EventId = 2600, Level = LogLevel.Information, Message = "Ledger in {Database}")]
    public static partial void LedgerOpened(ILogger logger, string database);
}
