using Microsoft.Extensions.Logging;

namespace LinkService.Audit;

internal static partial class Log
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Audit chain intact: {Rows} rows, head #{HeadSequence} {HeadMac}")]
    public static partial void ChainIntact(ILogger logger, long rows, long headSequence, string headMac);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Critical, Message = "Audit chain BROKEN, {Problem}. The ledger has been altered outside LinkService")]
    public static partial void ChainBroken(ILogger logger, string problem);
}
