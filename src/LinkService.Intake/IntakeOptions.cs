using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace LinkService.Intake;

/// <summary>How intake watches the drop folders (<c>LinkService:Intake</c> in appsettings.json).</summary>
public sealed class IntakeOptions : IValidatableObject
{
    public const string SectionName = "LinkService:Intake";

    /// <summary>The default temporary names, used when <see cref="TemporaryPatterns"/> is not configured.</summary>
    public static IReadOnlyList<string> DefaultTemporaryPatterns { get; } = [".*", "*.part", "*.filepart", "*.tmp"];

    /// <summary>How often every drop folder is scanned in full, whatever the watchers report. Default 15 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Globs (<c>*</c>, <c>?</c>) for names uploads use while in progress; such files are neither taken nor refused.
    /// Default <c>.*</c>, <c>*.part</c>, <c>*.filepart</c>, <c>*.tmp</c>.
    /// </summary>
    public IList<string>? TemporaryPatterns { get; set; }

    /// <summary>After a watcher reports a change, how long to gather further changes before scanning. Default 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan HintDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many watcher events may wait; beyond that they are dropped, as the sweep will find the files anyway. Default 4096.</summary>
    [Range(16, 1_048_576)]
    public int HintCapacity { get; set; } = 4096;

    /// <summary>
    /// How long a file's size and time must stay unchanged when no writer's close can be known: the file was there
    /// before the service started, the kernel dropped events, or the system gives no such signal. Long, because an
    /// SFTP upload over a slow link can stall for minutes at a row boundary. Default 5 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan FallbackQuietPeriod { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The copy buffer in bytes. Default 1 MiB.</summary>
    [Range(4096, 67_108_864)]
    public int CopyBufferBytes { get; set; } = 1 << 20;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var pattern in TemporaryPatterns ?? [])
        {
            if (string.IsNullOrWhiteSpace(pattern) || pattern.Contains('/', StringComparison.Ordinal) || pattern.Contains('\\', StringComparison.Ordinal))
            {
                yield return new ValidationResult($"'{pattern}' is not a file name pattern (no folders, not empty)", [nameof(TemporaryPatterns)]);
            }
        }
    }

    internal IReadOnlyList<string> EffectiveTemporaryPatterns =>
        TemporaryPatterns is { Count: > 0 } patterns ? [.. patterns] : DefaultTemporaryPatterns;
}

[OptionsValidator]
public sealed partial class IntakeOptionsValidator : IValidateOptions<IntakeOptions>;
