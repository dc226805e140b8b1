using Quartz;

namespace LinkService.Configuration.Projects.Scheduling;

/// <summary>
/// A scheduled project's cron read in its time zone: the one place that says when the project fires, for the
/// scheduler's trigger, the missed-fire check at start, the not-due log line and <c>status</c>.
/// </summary>
public sealed class ProjectSchedule
{
    private ProjectSchedule(string expression, TimeZoneInfo zone, bool zoneIsHosts)
    {
        Cron = new CronExpression(expression, zone);
        Zone = zone;
        ZoneIsHosts = zoneIsHosts;
    }

    /// <summary>The expression, resolved in <see cref="Zone"/>.</summary>
    public CronExpression Cron { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>True when the project names no <c>timeZone</c> and the host's is used.</summary>
    public bool ZoneIsHosts { get; }

    /// <summary>The project's schedule, or null for a project run only on demand. Its zone must have been checked (<see cref="ZoneProblem"/>).</summary>
    public static ProjectSchedule? Of(ProjectDefinition project) => project.Schedule is { } expression
        ? new ProjectSchedule(expression, project.TimeZone is { } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : TimeZoneInfo.Local, project.TimeZone is null)
        : null;

    /// <summary>What is wrong with a <c>timeZone</c> value, or null when the host knows it.</summary>
    public static string? ZoneProblem(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _)
        ? null
        : "is not a time zone this host knows: use an IANA id such as 'Europe/London' (the host's own is used when timeZone is absent)";

    public DateTimeOffset? NextFireAfter(DateTimeOffset time) => Cron.GetNextValidTimeAfter(time);

    /// <summary>A time as the project's clock reads it, with its offset: what a custodian in that zone expects to see.</summary>
    public DateTimeOffset InZone(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone);
}
