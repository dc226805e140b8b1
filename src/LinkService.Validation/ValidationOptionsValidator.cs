using Microsoft.Extensions.Options;

namespace LinkService.Validation;

/// <summary>Checks <see cref="ValidationOptions"/>' DataAnnotations at start-up, without reflection.</summary>
[OptionsValidator]
internal sealed partial class ValidationOptionsValidator : IValidateOptions<ValidationOptions>
{
}
