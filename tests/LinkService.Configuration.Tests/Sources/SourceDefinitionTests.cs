using LinkService.Configuration.Loading;
using LinkService.Configuration.Sources;

namespace LinkService.Configuration.Tests.Sources;

public sealed class SourceDefinitionTests
{
    [Theory]
    [InlineData("offenders_2026-11.csv", true)]
    [InlineData("OFFENDERS_2026-11.CSV", true)]
    [InlineData("offenders.csv", false)]
    [InlineData("claims_2026-11.csv", false)]
    public void MatchesFileName_Glob_MatchesCaseInsensitively(string fileName, bool expected) =>
        Assert.Equal(expected, new SourceDefinition { Schema = "s", FilePattern = "offenders_*.csv" }.MatchesFileName(fileName));

    [Fact]
    public void Validate_LimitsNotPositiveAndFolderInPattern_PointsAtEach()
    {
        var source = new SourceDefinition { Schema = "s", FilePattern = "in/offenders_*.csv", MaxBytes = 0, MaxDecompressedBytes = -1, MaxFieldLength = 0 };
        var errors = new ConfigErrors("sources/test.json");

        source.Validate(errors, "$");

        Assert.Equal(
            ["$.filePattern", "$.maxBytes", "$.maxDecompressedBytes", "$.maxFieldLength"],
            errors.All.Select(e => e.JsonPath));
    }

    [Fact]
    public void SchemaOrThrow_Unresolved_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new SourceDefinition { Schema = "s", FilePattern = "*.csv" }.SchemaOrThrow);
}
