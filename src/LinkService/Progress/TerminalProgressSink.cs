namespace LinkService.Progress;

/// <summary>
/// The <c>link</c> command's progress on standard error. On a terminal: a bar for the running stage, redrawn in place
/// (carriage return, padded over what was there), and a line left behind by each stage as it ends. Redirected to a
/// pipe or a file: the progress lines the service logs, one per tick, and a line as each stage ends, since a redrawn
/// line is noise there.
/// </summary>
internal sealed class TerminalProgressSink(TextWriter error, bool isTerminal, Func<int> width) : IProgressSink
{
    private readonly Lock _lock = new();
    private bool _barShown;

    public void Report(string runId, string project, ProgressReport report)
    {
        lock (_lock)
        {
            if (!isTerminal)
            {
                error.WriteLine(ProgressText.Line(runId, project, report));
                error.Flush();
                return;
            }

            var columns = width();
            var line = report.Finished ? ProgressBar.Finished(report, columns) : ProgressBar.Render(report, columns);
            error.Write('\r');
            error.Write(line.PadRight(Math.Max(1, columns - 1)));
            if (report.Finished)
            {
                error.Write('\n');
            }

            _barShown = !report.Finished;
            error.Flush();
        }
    }

    /// <summary>Wipes a bar still showing, so that what the command prints next starts on a clean line.</summary>
    public void Close()
    {
        lock (_lock)
        {
            if (_barShown)
            {
                error.Write('\r');
                error.Write(new string(' ', Math.Max(1, width() - 1)));
                error.Write('\r');
                error.Flush();
                _barShown = false;
            }
        }
    }
}
