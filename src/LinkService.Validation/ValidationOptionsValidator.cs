using Microsoft.Extensions.Options;

namespace LinkService.Validation;

/// <summary>Checks <see cref="ValidationOptions"/>' DataAnnotations at start-up, without reflection.</summary>
[OptionsValidator]
public sealed partial class ValidationOptionsValidator : IValidateOptions<ValidationOptions>
{
}
