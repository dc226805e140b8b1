using LinkService.Configuration.Loading;
using LinkService.Configuration.Sources;
using LinkService.Configuration.Tests.Support;

namespace LinkService.Configuration.Tests.Sources;

public sealed class SourceRetentionTests
{
    [Fact]
    public void Load_RetentionPeriods_AreReadFromTheSource()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("sources/alpha.json", """
            { "schema": "people", "filePattern": "people_*.csv", "retention": { "rawExtracts": "P90D", "quarantine": "P30D", "receipts": "P1Y" } }
            """);

        var result = ConfigCatalogLoader.Load(dir.Path);

        Assert.Empty(result.Errors);
        var retention = result.Catalog!.Sources["alpha"].Retention!;
        Assert.Equal("P90D", retention.RawExtractsPeriod!.ToString());
        Assert.Equal("P30D", retention.QuarantinePeriod!.ToString());
        Assert.Equal("P1Y", retention.ReceiptsPeriod!.ToString());
        Assert.Null(result.Catalog.Sources["beta"].Retention);
    }

    [Fact]
    public void Load_PeriodsNotInIsoDays_AreEachReportedWithTheirPathAndTheFormExpected()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("sources/alpha.json", """
            { "schema": "people", "filePattern": "people_*.csv", "retention": { "rawExtracts": "90 days", "quarantine": "PT12H" } }
            """);

        var errors = ConfigCatalogLoader.Load(dir.Path).Errors;

        Assert.Equal(["$.retention.quarantine", "$.retention.rawExtracts"], errors.Select(e => e.JsonPath).Order(StringComparer.Ordinal));
        Assert.Contains(errors, e => e.Message == "must be " + LinkService.Configuration.Retention.RetentionPeriod.Expected + ", not \"90 days\"");
        Assert.All(errors, e => Assert.EndsWith("alpha.json", e.File, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_RetentionOfTheWrongShape_IsReportedWithASuggestion()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("sources/alpha.json", """
            { "schema": "people", "filePattern": "people_*.csv", "retention": { "receipts": 30, "rawExtract": "P1D" } }
            """);

        var errors = ConfigCatalogLoader.Load(dir.Path).Errors;

        Assert.Contains(errors, e => e.JsonPath == "$.retention.receipts" && e.Message.StartsWith("must be a string", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.JsonPath == "$.retention.rawExtract" && e.Message.Contains("did you mean 'rawExtracts'", StringComparison.Ordinal));
    }
}
