using System.ComponentModel.DataAnnotations;
using LinkService.Ledger.Runs;
using Microsoft.Extensions.Options;

namespace LinkService.Linking;

/// <summary>
/// The leases runs are held under (<c>LinkService:Runs</c> in appsettings.json; see <see cref="LeaseTerms"/>): how soon a
/// run whose owner died is taken over, and how often a live owner renews. The defaults suit a site; shorter terms take
/// over sooner at the cost of more ledger writes. And whether a run asks for huge pages.
/// </summary>
public sealed class RunOptions : IValidatableObject
{
    public const string SectionName = "LinkService:Runs";

    /// <summary>How long a lease lasts from its last renewal. Default 60 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:02", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = LeaseTerms.Default.Duration;

    /// <summary>How often the owner renews it. Default 15 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:15:00")]
    public TimeSpan LeaseRenewEvery { get; set; } = LeaseTerms.Default.RenewEvery;

    /// <summary>
    /// Whether a run asks Linux for transparent huge pages for its memory (where the kernel's mode is "madvise"). Default
    /// true: at 1M x 3M records a run took a fifth less time with them on a virtual machine (README, benchmarks).
    /// </summary>
    public bool TransparentHugePages { get; set; } = true;

    public LeaseTerms Terms => new(LeaseDuration, LeaseRenewEvery);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A lease must outlive missed renewals, or a busy owner loses its run.
        if (LeaseRenewEvery * 3 > LeaseDuration)
        {
            yield return new ValidationResult("LeaseRenewEvery must be at most a third of LeaseDuration, so a lease outlives missed renewals", [nameof(LeaseRenewEvery)]);
        }
    }
}

[OptionsValidator]
public sealed partial class RunOptionsValidator : IValidateOptions<RunOptions>;
