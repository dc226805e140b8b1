using LinkService.Configuration.Loading;
using LinkService.Configuration.Sources;

namespace LinkService.Configuration.Tests.Sources;

public sealed class CsvDialectTests
{
    private static List<string> Paths(CsvDialect dialect)
    {
        var errors = new ConfigErrors("sources/test.json");
        dialect.Validate(errors, "$.dialect");
        return [.. errors.All.Select(e => e.JsonPath)];
    }

    [Fact]
    public void Validate_Defaults_HaveNoErrors() => Assert.Empty(Paths(new CsvDialect()));

    [Theory]
    [InlineData("utf-8")]
    [InlineData("windows-1252")]
    [InlineData("UTF-16LE")]
    public void Validate_SupportedEncoding_IsAccepted(string encoding) => Assert.Empty(Paths(new CsvDialect { Encoding = encoding }));

    [Fact]
    public void Validate_UnsupportedEncoding_PointsAtIt() => Assert.Equal(["$.dialect.encoding"], Paths(new CsvDialect { Encoding = "latin1" }));

    [Fact]
    public void Validate_TwoCharacterDelimiter_PointsAtIt() => Assert.Equal(["$.dialect.delimiter"], Paths(new CsvDialect { Delimiter = ";;" }));

    [Fact]
    public void Validate_QuoteSameAsDelimiter_PointsAtTheQuote() => Assert.Equal(["$.dialect.quote"], Paths(new CsvDialect { Delimiter = "'", Quote = "'" }));
}
