using System.Text.Json.Serialization;
using LinkService.Configuration.Loading;
using LinkService.Configuration.Projects.Linkage;
using LinkService.Configuration.Projects.Outputs;
using LinkService.Configuration.Projects.Scheduling;

namespace LinkService.Configuration.Projects;

/// <summary>
/// A linkage project, from <c>config/projects/&lt;name&gt;.json</c>: which sources it links, how, and when.
/// </summary>
public sealed class ProjectDefinition : IValidatableConfig
{
    /// <summary>The project's name: its file name without <c>.json</c>. Set by the loader.</summary>
    [JsonIgnore]
    public string Name { get; set; } = "";

    public string? Description { get; init; }

    /// <summary>The sources linked, by name. One source with mode <c>dedupe</c>; two or more to link.</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    public LinkageMode Mode { get; init; } = LinkageMode.Link;

    /// <summary>A Quartz cron expression (seconds first), e.g. <c>0 0 2 * * ?</c>. Absent: runs only on demand.</summary>
    public string? Schedule { get; init; }

    /// <summary>When a fire of the schedule starts a run. Default <see cref="DueRule.AnySourceNew"/>: see docs/configuration.md for why.</summary>
    public DueRule Due { get; init; } = DueRule.AnySourceNew;

    /// <summary>What becomes of a fire missed while the service was down or busy. Default <see cref="MisfirePolicy.RunOnce"/>.</summary>
    public MisfirePolicy Misfire { get; init; } = MisfirePolicy.RunOnce;

    /// <summary>The IANA time zone the schedule is read in, e.g. <c>Europe/London</c>. Absent: the host's.</summary>
    public string? TimeZone { get; init; }

    /// <summary>How records are standardised, blocked, compared, scored and clustered.</summary>
    public required LinkageSpec Linkage { get; init; }

    /// <summary>What leaves the private work area for analysts, and who approves it. Absent: nothing does.</summary>
    public OutputsSpec? Outputs { get; init; }

    public void Validate(ConfigErrors errors, string path)
    {
        if (Sources.Count == 0)
        {
            errors.Add($"{path}.sources", "a project needs at least one source");
        }
        else if (Mode != LinkageMode.Dedupe && Sources.Count < 2)
        {
            errors.Add($"{path}.sources", $"mode '{Mode.ToString().ToLowerInvariant()}' links across sources and needs at least two");
        }

        if (Sources.Distinct(StringComparer.Ordinal).Count() != Sources.Count)
        {
            errors.Add($"{path}.sources", "names a source twice");
        }

        // The system clock: configuration is checked at start and by check-config, both of which mean "from now on".
        var zoneProblem = TimeZone is null ? null : ProjectSchedule.ZoneProblem(TimeZone);
        if (zoneProblem is not null)
        {
            errors.Add($"{path}.timeZone", zoneProblem);
        }

        if (Schedule is not null && CronSchedule.Problem(Schedule, TimeProvider.System.GetUtcNow()) is { } problem)
        {
            errors.Add($"{path}.schedule", problem);
        }

        Linkage.Validate(errors, $"{path}.linkage");
        Outputs?.Validate(errors, $"{path}.outputs");
    }
}
