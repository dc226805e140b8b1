using System.ComponentModel.DataAnnotations;
using LinkService.Configuration.Projects;
using LinkService.Configuration.Retention;
using Microsoft.Extensions.Options;

namespace LinkService.Retention;

/// <summary>
/// The site's retention settings (<c>LinkService:Retention</c> in appsettings.json): when the retention job runs, and how
/// long finished runs' private folders are kept. What a source delivered is kept as its own <c>retention</c> says.
/// </summary>
public sealed class RetentionOptions : IValidatableObject
{
    public const string SectionName = "LinkService:Retention";

    /// <summary>A Quartz cron expression (seconds first), in the host's time zone. Default: every day at 02:30.</summary>
    [Required]
    public string Schedule { get; set; } = "0 30 2 * * ?";

    /// <summary>How long a finished run's private folder is kept after it finished (ISO-8601, e.g. <c>P180D</c>). Absent: kept.</summary>
    public string? RunFolders { get; set; }

    public RetentionPeriod? RunFoldersPeriod => RetentionPeriod.TryParse(RunFolders);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CronSchedule.Problem(Schedule, TimeProvider.System.GetUtcNow()) is { } problem)
        {
            yield return new ValidationResult($"Schedule {problem}", [nameof(Schedule)]);
        }

        if (RunFolders is not null && RunFoldersPeriod is null)
        {
            yield return new ValidationResult($"RunFolders must be {RetentionPeriod.Expected}, not \"{RunFolders}\"", [nameof(RunFolders)]);
        }
    }
}

[OptionsValidator]
public sealed partial class RetentionOptionsValidator : IValidateOptions<RetentionOptions>;
