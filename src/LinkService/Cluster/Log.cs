using Microsoft.Extensions.Logging;

namespace LinkService.Cluster;

internal static partial class Log
{
    [LoggerMessage(EventId = 1500, Level = LogLevel.Information, Message = "Cluster mode: this service is node {Node} (process {ProcessId}); the work folder {WorkRoot} is shared with the other nodes, and the schedule with them through the database")]
    public static partial void NodeHeld(ILogger logger, string node, int processId, string workRoot);
}
