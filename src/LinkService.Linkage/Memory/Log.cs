using Microsoft.Extensions.Logging;

namespace LinkService.Linkage.Memory;

internal static partial class Log
{
    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "Transparent huge pages asked for the managed heap ({Gibibytes:0.#} GiB reserved) for the run's length")]
    public static partial void HugePagesAdvised(ILogger logger, double gibibytes);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Information, Message = "Transparent huge pages not asked for: {Reason}")]
    public static partial void HugePagesNotAdvised(ILogger logger, string reason);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Warning, Message = "Transparent huge pages could not be asked for (madvise errno {Errno}); the run goes on with 4 KiB pages")]
    public static partial void HugePagesRefused(ILogger logger, int errno);
}
