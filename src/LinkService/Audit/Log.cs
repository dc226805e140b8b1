using Microsoft.Extensions.Logging;

namespace LinkService.Audit;

internal static partial class Log
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Audit chain intact: {Rows} rows, head #{HeadSequence} {HeadMac}")]
    public static partial void ChainIntact(ILogger logger, long rows, long headSequence, string headMac);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Critical, Message = "Audit chain BROKEN, {Problem}. The ledger has been altered outside LinkService")]
    public static partial void ChainBroken(ILogger logger, string problem);

    [LoggerMessage(EventId = 1705, Level = LogLevel.Critical, Message = "Store ALTERED: {Problem}")]
    public static partial void StoreAltered(ILogger logger, string problem);

    [LoggerMessage(EventId = 1706, Level = LogLevel.Information, Message = "Store intact: {Copies} stored copies match the digests the ledger recorded")]
    public static partial void StoreIntact(ILogger logger, int copies);
}
