using System.Globalization;
using System.Text;

namespace LinkService.Progress;

/// <summary>
/// The terminal's picture of a stage, one line narrower than the terminal (a full line would wrap):
/// <c>compare and score [#######.......]  50.0 %  12.6M/25.2M candidate pairs  1.2M/s  11 s left</c>.
/// The bar is left out where the line has no room for it, and the text is cut last.
/// </summary>
internal static class ProgressBar
{
    private const int MinimumBar = 10;

    public static string Render(ProgressReport report, int width)
    {
        var room = Math.Max(1, width - 1);
        var figures = Figures(report);
        var line = new StringBuilder(report.Stage);
        var barWidth = room - report.Stage.Length - figures.Length - 3;
        if (report.Percent is { } percent && barWidth >= MinimumBar)
        {
            var filled = (int)(barWidth * percent / 100);
            line.Append(" [").Append('#', filled).Append('.', barWidth - filled).Append(']');
        }

        line.Append(figures);
        return line.Length > room ? line.ToString(0, room) : line.ToString();
    }

    /// <summary>The line a stage leaves on the terminal when it ends.</summary>
    public static string Finished(ProgressReport report, int width)
    {
        var done = report.Counts ? $"{ProgressText.Compact(report.Done)} {report.Unit} in " : "done in ";
        var line = $"{report.Stage}: {done}{ProgressText.Duration(report.Elapsed)}";
        return line.Length >= width ? line[..Math.Max(1, width - 1)] : line;
    }

    private static string Figures(ProgressReport report)
    {
        if (!report.Counts)
        {
            return $"  {ProgressText.Duration(report.Elapsed)}";
        }

        var figures = new StringBuilder();
        if (report.Percent is { } percent)
        {
            figures.Append(CultureInfo.InvariantCulture, $"  {percent,5:0.0} %");
        }

        figures.Append("  ").Append(ProgressText.Compact(report.Done));
        if (report.Total is { } total)
        {
            figures.Append('/').Append(ProgressText.Compact(total));
        }

        figures.Append(' ').Append(report.Unit).Append("  ").Append(ProgressText.Compact(report.Rate)).Append("/s");
        figures.Append("  ").Append(report.Remaining is { } left ? ProgressText.Duration(left) + " left" : ProgressText.Duration(report.Elapsed));
        return figures.ToString();
    }
}
