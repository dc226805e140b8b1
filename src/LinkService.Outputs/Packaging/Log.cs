using Microsoft.Extensions.Logging;

namespace LinkService.Outputs.Packaging;

/// <summary>The packager's log lines: project, run and counts, never a value from a file.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 8600, Level = LogLevel.Information, Message = "Packaged the output of project {Project} run {RunId}: {Files} files described in datapackage.json, in {Milliseconds} ms")]
    public static partial void Packaged(ILogger logger, string project, string runId, int files, long milliseconds);
}
