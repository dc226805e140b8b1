using LinkService.Configuration.Sources;
using LinkService.Validation.Report;

namespace LinkService.Validation;

/// <summary>Checks a delivered extract against its source's Table Schema, streaming row by row.</summary>
public interface IExtractValidator
{
    /// <summary>
    /// Validates <paramref name="filePath"/> as a delivery of <paramref name="source"/>. Every problem with the
    /// file, including one that stops it being read, comes back in the report; only cancellation throws.
    /// </summary>
    Task<ValidationReport> ValidateAsync(SourceDefinition source, string filePath, ValidationOutputs outputs, CancellationToken cancellationToken);
}
