using LinkService.Configuration.Loading;
using LinkService.Configuration.Projects.Outputs;
using LinkService.Outputs.Tests.Support;

namespace LinkService.Outputs.Tests.Configuration;

public sealed class OutputFileSpecTests
{
    private const string ProjectFile = "config/projects/study.json";

    [Fact]
    public void Load_EveryTransformWithItsSettings_IsValidAndBinds()
    {
        using var dir = OutputsConfig.Create("""
            { "files": [ { "source": "alpha", "columns": [
                { "column": "benefit" },
                { "column": "benefit", "as": "benefit_group", "transform": "category", "groups": { "JSA": "jobseeker" }, "default": "other" },
                { "column": "dob", "as": "birth_year", "transform": "year-of-birth" },
                { "column": "dob", "as": "age", "transform": "age-band", "bandWidth": 10, "atColumn": "start" },
                { "column": "dob", "as": "age_2024", "transform": "age-band", "bandWidth": 5, "atDate": "2024-04-01" },
                { "column": "postcode", "as": "district", "transform": "postcode-district" },
                { "column": "postcode", "as": "sector", "transform": "postcode-sector" },
                { "column": "start", "as": "start_month", "transform": "month" },
                { "column": "start", "as": "start_year", "transform": "year" },
                { "column": "amount", "transform": "top-code", "maximum": 500 } ],
              "kAnonymity": { "quasiIdentifiers": ["age", "district"], "k": 3, "action": "drop" } } ] }
            """);

        var catalog = OutputsConfig.LoadValid(dir);

        var file = catalog.Projects["study"].Outputs!.Files[0];
        Assert.Equal("alpha.csv", file.OutputFileName);
        Assert.Equal(ColumnTransform.AgeBand, file.Columns[3].Transform);
        Assert.Equal(SmallClassAction.Drop, file.KAnonymity!.Action);
    }

    [Fact]
    public void Load_KeyColumnChosen_IsAnErrorNamingTheFileAndPath()
    {
        using var dir = OutputsConfig.Create("""{ "files": [ { "source": "alpha", "columns": [ { "column": "benefit" }, { "column": "id" } ] } ] }""");

        var error = Assert.Single(OutputsConfig.Load(dir).Errors);

        Assert.Equal(ProjectFile, error.File);
        Assert.Equal("$.outputs.files[0].columns[1].column", error.JsonPath);
        Assert.Contains("'id' is the record key of source 'alpha'", error.Message, StringComparison.Ordinal);
        Assert.Contains("can never be chosen", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("keep")]
    [InlineData("category\", \"groups\": { \"A\": \"a\" }, \"default\": \"b")]
    public void Load_IdentifierChosenWithoutGeneralising_IsAnErrorNamingTheFileAndPath(string transform)
    {
        using var dir = OutputsConfig.Create($$"""{ "files": [ { "source": "alpha", "columns": [ { "column": "surname", "transform": "{{transform}}" } ] } ] }""");

        var error = Assert.Single(OutputsConfig.Load(dir).Errors);

        Assert.Equal(ProjectFile, error.File);
        Assert.Equal("$.outputs.files[0].columns[0].column", error.JsonPath);
        Assert.Contains("'surname' is an identifier of source 'alpha'", error.Message, StringComparison.Ordinal);
        Assert.Contains("can never be chosen", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MisspeltTransform_SuggestsTheClosestOne()
    {
        using var dir = OutputsConfig.Create("""{ "files": [ { "source": "alpha", "columns": [ { "column": "dob", "transform": "year-of-brith" } ] } ] }""");

        var error = Assert.Single(OutputsConfig.Load(dir).Errors);

        Assert.Equal("$.outputs.files[0].columns[0].transform", error.JsonPath);
        Assert.EndsWith("did you mean 'year-of-birth'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MisspeltColumnAndQuasiIdentifier_SuggestTheClosestOnes()
    {
        using var dir = OutputsConfig.Create("""{ "files": [ { "source": "alpha", "columns": [ { "column": "benfit" } ], "kAnonymity": { "quasiIdentifiers": ["benfti"] } } ] }""");

        var errors = OutputsConfig.Load(dir).Errors;

        Assert.Contains(errors, e => e.JsonPath == "$.outputs.files[0].kAnonymity.quasiIdentifiers[0]" && e.Message.EndsWith("did you mean 'benfit'?", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.JsonPath == "$.outputs.files[0].columns[0].column" && e.Message.EndsWith("did you mean 'benefit'?", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "column": "dob", "transform": "age-band", "atDate": "2024-01-01" }""", "columns[0].bandWidth", "band width")]
    [InlineData("""{ "column": "dob", "transform": "age-band", "bandWidth": 0, "atDate": "2024-01-01" }""", "columns[0].bandWidth", "band width")]
    [InlineData("""{ "column": "dob", "transform": "age-band", "bandWidth": 5 }""", "columns[0].atDate", "exactly one")]
    [InlineData("""{ "column": "dob", "transform": "age-band", "bandWidth": 5, "atDate": "01/01/2024" }""", "columns[0].atDate", "yyyy-MM-dd")]
    [InlineData("""{ "column": "dob", "transform": "age-band", "bandWidth": 5, "atColumn": "note" }""", "columns[0].atColumn", "must be a date field")]
    [InlineData("""{ "column": "amount", "transform": "top-code" }""", "columns[0].maximum", "largest value")]
    [InlineData("""{ "column": "benefit", "transform": "top-code", "maximum": 3 }""", "columns[0].transform", "needs a number field")]
    [InlineData("""{ "column": "note", "transform": "month" }""", "columns[0].transform", "needs a date field")]
    [InlineData("""{ "column": "benefit", "transform": "category", "default": "x" }""", "columns[0].groups", "needs the groups")]
    [InlineData("""{ "column": "benefit", "maximum": 3 }""", "columns[0].maximum", "only 'top-code' takes maximum")]
    public void Load_TransformSettingMissingOrMisplaced_IsAnErrorAtItsPath(string column, string path, string message)
    {
        using var dir = OutputsConfig.Create($$"""{ "files": [ { "source": "alpha", "columns": [ {{column}} ] } ] }""");

        var errors = OutputsConfig.Load(dir).Errors;

        Assert.Contains(errors, e => e.JsonPath == "$.outputs.files[0]." + path && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_SourceOutsideTheProjectAndRepeatedNames_AreErrors()
    {
        using var dir = OutputsConfig.Create("""
            { "files": [
              { "source": "gamma" },
              { "source": "alpha", "columns": [ { "column": "benefit" }, { "column": "benefit" } ], "kAnonymity": { "quasiIdentifiers": ["benefit"], "k": 1 } },
              { "source": "beta", "fileName": "alpha.csv" } ] }
            """);

        var errors = OutputsConfig.Load(dir).Errors.Select(e => e.JsonPath).ToList();

        Assert.Contains("$.outputs.files[0].source", errors);
        Assert.Contains("$.outputs.files[1].columns[1].column", errors);
        Assert.Contains("$.outputs.files[1].kAnonymity.k", errors);
        Assert.Contains("$.outputs.files[2]", errors);
    }
}
