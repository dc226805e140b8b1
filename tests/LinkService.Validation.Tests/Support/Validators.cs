using LinkService.Configuration.Sources;
using LinkService.Validation.Report;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LinkService.Validation.Tests.Support;

/// <summary>Builds the real validator with test options and a fake clock.</summary>
public static class Validators
{
    public static IExtractValidator Create(ValidationOptions? options = null, TimeProvider? time = null) =>
        new ExtractValidator(time ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero)), NullLogger<ExtractValidator>.Instance, Options.Create(options ?? new ValidationOptions()));

    public static Task<ValidationReport> ValidateAsync(SourceDefinition source, string path, string? rejects = null, ValidationOptions? options = null) =>
        Create(options).ValidateAsync(source, path, new ValidationOutputs(rejects), CancellationToken.None);
}
