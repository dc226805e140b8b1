using Quartz;

namespace LinkService.Configuration.Projects;

/// <summary>
/// A project's schedule as the scheduler will read it. A cron expression can be well-formed and still never
/// fire ('0 0 2 30 2 ?', 30 February; a year long past): that project would silently never run.
/// </summary>
public static class CronSchedule
{
    /// <summary>How far ahead a schedule must fire at least once: a leap day comes round within it.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(5 * 366);

    /// <summary>What is wrong with the expression, or null when it fires within <see cref="Horizon"/> of <paramref name="now"/>.</summary>
    public static string? Problem(string expression, DateTimeOffset now)
    {
        if (!CronExpression.TryParse(expression, out var cron))
        {
            return "is not a valid Quartz cron expression (six or seven fields, seconds first, e.g. '0 0 2 * * ?')";
        }

        var next = cron.GetNextValidTimeAfter(now);
        return next is null || next.Value - now > Horizon
            ? "never fires: no time in the next five years matches it (is the day in the month, the year in the future?)"
            : null;
    }
}
