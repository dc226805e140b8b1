namespace LinkService.Progress;

/// <summary>Where a run's progress goes: the log (the service), or the terminal (the <c>link</c> command).</summary>
internal interface IProgressSink
{
    /// <summary>The running stage at each tick; each stage once more when it has ended (<see cref="ProgressReport.Finished"/>).</summary>
    void Report(string runId, string project, ProgressReport report);

    /// <summary>The run's work is over, or stopped: nothing more will be reported.</summary>
    void Close();
}
