using System.Globalization;
using LinkService.Configuration.Sources;
using LinkService.Deliveries;
using LinkService.Intake.Checks;
using LinkService.Tests.Support;
using LinkService.Validation;
using LinkService.Validation.Report;

namespace LinkService.Tests.Deliveries;

public sealed class SchemaValidationCheckTests
{
    [Fact]
    public async Task CheckAsync_LibraryFailsQuotingAValue_ThrowsWithTheValueWithheld()
    {
        using var folder = new ServiceFolder();
        var source = folder.LoadCatalog().Sources["justice"];
        var check = new SchemaValidationCheck(new ParsingValidator("HARGREAVES"), folder.Paths);
        var delivery = new StoredDelivery("d1", source, "offenders_20261101.csv", folder.Combine("stored.csv"), "00", 1, DateTimeOffset.UnixEpoch);

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => check.CheckAsync(delivery, CancellationToken.None));

        Assert.DoesNotContain("HARGREAVES", thrown.ToString(), StringComparison.Ordinal);
        Assert.Contains(nameof(FormatException), thrown.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A validator whose parsing library fails with a message that quotes the cell, as .NET's parsers do.</summary>
    private sealed class ParsingValidator(string cell) : IExtractValidator
    {
        public Task<ValidationReport> ValidateAsync(SourceDefinition source, string filePath, ValidationOutputs outputs, CancellationToken cancellationToken)
        {
            _ = DateTime.ParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            throw new InvalidOperationException("unreachable");
        }
    }
}
