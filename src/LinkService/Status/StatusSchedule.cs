using System.Globalization;
using System.Text;
using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Runs;

namespace LinkService.Status;

/// <summary>The text of <c>status</c> about what the schedules will link: each source's current delivery, deliveries held, and each project's runs and next fire.</summary>
internal static class StatusSchedule
{
    public static void AppendSources(StringBuilder text, IReadOnlyList<SourceFacts> sources)
    {
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine();
        text.AppendLine("Current delivery of each source (the next run's input)");
        foreach (var source in sources)
        {
            text.AppendLine(inv, $"  {source.Source,-20} {(source.Current is { } d ? $"{d.Id}  {d.OriginalName}{Rows(d)}" : "none accepted yet")}");
        }

        var held = sources.SelectMany(s => s.Held).ToList();
        if (held.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Deliveries held for the custodian (linkservice deliveries release ID, or reject ID --reason TEXT)");
            foreach (var delivery in held)
            {
                text.AppendLine(inv, $"  {delivery.Id}  {delivery.Source,-20} {delivery.OriginalName}: {(delivery.Reasons.Count > 0 ? delivery.Reasons[^1] : "")}");
            }
        }
    }

    public static void AppendProjects(StringBuilder text, IReadOnlyList<ProjectFacts> projects, Func<LinkageRun, string> describe)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var project in projects)
        {
            text.AppendLine();
            var next = project.NextFire is { } at ? $"next fire {at.ToString("yyyy-MM-dd HH:mm:ss zzz", inv)} ({project.TimeZone})" : "no schedule (linkservice link only)";
            text.AppendLine(inv, $"Project {project.Project}: {next}; {(project.Due.IsDue ? "due" : "not due")}: {project.Due.Reason}");
            if (project.LastRuns.Count == 0)
            {
                text.AppendLine("  no runs yet");
            }

            foreach (var run in project.LastRuns)
            {
                text.AppendLine(inv, $"  {run.Id}  {describe(run)}");
            }
        }
    }

    private static string Rows(Delivery delivery) => delivery.AcceptedRows is { } rows ? string.Create(CultureInfo.InvariantCulture, $", {rows:N0} rows") : "";
}
