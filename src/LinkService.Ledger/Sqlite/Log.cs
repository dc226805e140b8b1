using Microsoft.Extensions.Logging;

namespace LinkService.Ledger.Sqlite;

internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Ledger schema migrated from version {FromVersion} to {ToVersion}")]
    public static partial void SchemaMigrated(ILogger logger, int fromVersion, int toVersion);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Ledger audit chain broken at row {Sequence}: {Problem}")]
    public static partial void AuditChainBroken(ILogger logger, long sequence, string problem);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Ledger tables disagree with the audit chain: {Problem}")]
    public static partial void TablesDisagreeWithAudit(ILogger logger, string problem);
}
