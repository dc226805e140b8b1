using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace LinkService.Progress;

/// <summary>How often long work says how far it has got (<c>LinkService:Progress</c> in appsettings.json).</summary>
public sealed class ProgressOptions
{
    public const string SectionName = "LinkService:Progress";

    /// <summary>How often a run's progress is logged (and the <c>link</c> command's bar redrawn). Default 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);
}

[OptionsValidator]
public sealed partial class ProgressOptionsValidator : IValidateOptions<ProgressOptions>;
