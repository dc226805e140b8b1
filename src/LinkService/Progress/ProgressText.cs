using System.Globalization;

namespace LinkService.Progress;

/// <summary>Progress in words: the line a pipe or a log file gets, and the pieces the terminal's bar is made of.</summary>
internal static class ProgressText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// "Run R of project P: compare and score, 12,600,000 of 25,200,000 candidate pairs (50.0 %) at 1,150,000 a second,
    /// about 11 s left"; once the stage has ended, "…: compare and score, done: 25,200,000 candidate pairs in 22 s".
    /// </summary>
    public static string Line(string runId, string project, ProgressReport report)
    {
        var head = $"Run {runId} of project {project}: {report.Stage}";
        if (report.Finished)
        {
            return report.Counts
                ? string.Create(Invariant, $"{head}, done: {report.Done:N0} {report.Unit} in {Duration(report.Elapsed)}")
                : $"{head}, done in {Duration(report.Elapsed)}";
        }

        if (!report.Counts)
        {
            return string.Create(Invariant, $"{head}, running for {Duration(report.Elapsed)}");
        }

        var rate = string.Create(Invariant, $"at {report.Rate:N0} a second");
        return report.Remaining is { } left
            ? string.Create(Invariant, $"{head}, {report.Done:N0} of {report.Total:N0} {report.Unit} ({report.Percent:0.0} %) {rate}, about {Duration(left)} left")
            : string.Create(Invariant, $"{head}, {report.Done:N0} {report.Unit} so far {rate} ({Duration(report.Elapsed)})");
    }

    /// <summary>"45 s", "2 min 5 s", "1 h 20 min": as precise as a person reading a progress line wants.</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalSeconds: < 1 } => string.Create(Invariant, $"{span.TotalSeconds:0.0} s"),
        { TotalMinutes: < 1 } => string.Create(Invariant, $"{(int)span.TotalSeconds} s"),
        { TotalHours: < 1 } => string.Create(Invariant, $"{span.Minutes} min {span.Seconds} s"),
        _ => string.Create(Invariant, $"{(int)span.TotalHours} h {span.Minutes} min"),
    };

    /// <summary>"950", "12.3k", "25.2M", "3.6G": a count in four or five characters, for the bar.</summary>
    public static string Compact(double count) => count switch
    {
        < 1_000 => count.ToString("0", Invariant),
        < 1_000_000 => (count / 1_000).ToString("0.#", Invariant) + "k",
        < 1_000_000_000 => (count / 1_000_000).ToString("0.#", Invariant) + "M",
        _ => (count / 1_000_000_000).ToString("0.#", Invariant) + "G",
    };
}
