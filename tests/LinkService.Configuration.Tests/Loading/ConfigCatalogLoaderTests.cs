using LinkService.Configuration.Loading;
using LinkService.Configuration.Schemas;
using LinkService.Configuration.Sources;
using LinkService.Configuration.Tests.Support;

namespace LinkService.Configuration.Tests.Loading;

public sealed class ConfigCatalogLoaderTests
{
    [Fact]
    public void Load_ValidFolder_ResolvesSchemasAndNames()
    {
        using var dir = ConfigFolder.CreateValid();

        var result = ConfigCatalogLoader.Load(dir.Path);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        var alpha = result.Catalog!.Sources["alpha"];
        Assert.Equal("alpha", alpha.Name);
        Assert.Same(result.Catalog.Schemas["people"], alpha.ResolvedSchema);
        Assert.Equal("id", alpha.SchemaOrThrow.KeyField!.Name);
        Assert.Equal(FieldType.Date, alpha.SchemaOrThrow.FindField("dob")!.Type);
        Assert.True(alpha.SchemaOrThrow.FindField("surname")!.IsSensitive);
        Assert.False(alpha.SchemaOrThrow.FindField("benefit")!.IsSensitive);
        Assert.Equal(ToleranceMode.Reject, alpha.ErrorTolerance.Mode);
        Assert.Equal("match", result.Catalog.Projects["match"].Name);
    }

    [Fact]
    public void Load_TheRepositoryDefaultConfiguration_IsValid()
    {
        var result = ConfigCatalogLoader.Load(RepositoryConfig());

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(["justice", "welfare"], result.Catalog!.Sources.Keys.Order());
    }

    [Fact]
    public void Load_FilesWithAMisspeltValueThatAlsoNameMissingFiles_ReportsBothInOnePass()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("sources/alpha.json", """{ "schema": "persons", "filePattern": "a_*.csv", "compression": "gzp" }""");
        dir.Write("projects/match.json", """
            { "sources": ["alpha", "gamma"], "linkage": { "comparisons": [ { "field": "surname", "levels": [ { "method": "jarowinkler" } ] } ] } }
            """);

        var lines = ConfigCatalogLoader.Load(dir.Path).Errors.Select(e => e.ToString()).ToList();

        Assert.Contains(lines, l => l.EndsWith("sources/alpha.json: $.compression: must be one of 'none', 'gzip', not the string \"gzp\"; did you mean 'gzip'?", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("sources/alpha.json: $.schema: names schema 'persons', but there is no schemas/persons.json", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("projects/match.json: $.linkage.comparisons[0].levels[0].method: must be one of", StringComparison.Ordinal) && l.EndsWith("did you mean 'jaro-winkler'?", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("projects/match.json: $.sources[1]: names source 'gamma', but there is no sources/gamma.json", StringComparison.Ordinal));
        Assert.Equal(4, lines.Count);
    }

    [Fact]
    public void Load_ManyProblemsInSeveralFiles_ReportsEveryOneWithFileAndPath()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("schemas/people.json", """
            {
              "fields": [
                { "name": "id", "type": "strng", "linkage": { "role": "key" } },
                { "name": "surname", "typo": "string" },
                { "name": "dob", "type": "date", "constraints": { "required": "yes" } }
              ]
            }
            """);
        dir.Write("sources/alpha.json", """{ "schema": "missing", "filePattern": "a_*.csv", "dialect": { "delimiter": ";;" } }""");
        dir.Write("projects/match.json", """{ "sources": ["alpha", "gamma"], "schedule": "every night", "linkage": {} }""");

        var result = ConfigCatalogLoader.Load(dir.Path);

        Assert.False(result.Succeeded);
        var lines = result.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(lines, l => l.Contains("schemas/people.json: $.fields[0].type: must be one of 'string'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("schemas/people.json: $.fields[1].typo: is not a known property", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("schemas/people.json: $.fields[2].constraints.required: must be true or false", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("sources/alpha.json: $.dialect.delimiter: must be a single character", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("sources/alpha.json: $.schema: names schema 'missing'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("projects/match.json: $.sources[1]: names source 'gamma'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("projects/match.json: $.schedule: is not a valid Quartz cron expression", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MissingRequiredProperty_NamesIt()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("sources/alpha.json", """{ "schema": "people" }""");

        var result = ConfigCatalogLoader.Load(dir.Path);

        var error = Assert.Single(result.Errors);
        Assert.EndsWith(Path.Combine("sources", "alpha.json"), error.File, StringComparison.Ordinal);
        Assert.Equal("$.filePattern", error.JsonPath);
        Assert.Equal("is required", error.Message);
    }

    [Theory]
    [InlineData("0 0 2 30 2 ?")]
    [InlineData("0 0 2 31 4 ?")]
    [InlineData("0 0 2 * * ? 2001")]
    public void Load_ScheduleThatNeverFires_IsAnError(string cron)
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("projects/match.json", ConfigFolder.Project.Replace("0 0 2 * * ?", cron, StringComparison.Ordinal));

        var error = Assert.Single(ConfigCatalogLoader.Load(dir.Path).Errors);

        Assert.Equal("$.schedule", error.JsonPath);
        Assert.Contains("never fires", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TimeZoneTheHostDoesNotKnow_IsAnErrorAndAnIanaIdIsAccepted()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("projects/match.json", ConfigFolder.Project.Replace("\"0 0 2 * * ?\"", "\"0 0 2 * * ?\", \"timeZone\": \"Europe/Londres\"", StringComparison.Ordinal));

        var error = Assert.Single(ConfigCatalogLoader.Load(dir.Path).Errors);

        Assert.Equal("$.timeZone", error.JsonPath);
        Assert.Contains("is not a time zone this host knows", error.Message, StringComparison.Ordinal);
        dir.Write("projects/match.json", ConfigFolder.Project.Replace("\"0 0 2 * * ?\"", "\"0 0 2 * * ?\", \"timeZone\": \"Europe/London\", \"due\": \"all-sources-new\", \"misfire\": \"skip\"", StringComparison.Ordinal));
        Assert.True(ConfigCatalogLoader.Load(dir.Path).Succeeded);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0.5")]
    public void Load_SizeChangeRatioNotAboveOne_IsAnError(string ratio)
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("sources/alpha.json", "{ \"schema\": \"people\", \"filePattern\": \"people_*.csv\", \"sizeChange\": { \"maxRatio\": " + ratio + " } }");

        var error = Assert.Single(ConfigCatalogLoader.Load(dir.Path).Errors);

        Assert.Equal("$.sizeChange.maxRatio", error.JsonPath);
    }

    [Fact]
    public void Load_LeapDaySchedule_IsAccepted()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("projects/match.json", ConfigFolder.Project.Replace("0 0 2 * * ?", "0 0 2 29 2 ?", StringComparison.Ordinal));

        Assert.True(ConfigCatalogLoader.Load(dir.Path).Succeeded);
    }

    [Fact]
    public void Load_MisspeltChoice_SuggestsTheClosestOne()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("projects/match.json", """
            { "sources": ["alpha", "beta"], "linkage": { "comparisons": [ { "field": "surname", "levels": [ { "method": "jarowinkler", "threshold": 0.9 } ] } ] } }
            """);

        var error = Assert.Single(ConfigCatalogLoader.Load(dir.Path).Errors);

        Assert.Equal("$.linkage.comparisons[0].levels[0].method", error.JsonPath);
        Assert.EndsWith("did you mean 'jaro-winkler'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ProjectComparingOneFieldTwice_IsAnErrorAtTheSecond()
    {
        // Accepted, the field's evidence counted twice, and review.csv had two columns of one name (two 'surname' and
        // two 'surname_weight'), so a spreadsheet or a reader by name took one for the other.
        using var dir = ConfigFolder.CreateValid();
        dir.Write("projects/match.json", """
            { "sources": ["alpha", "beta"],
              "linkage": { "comparisons": [ { "field": "surname", "levels": [ { "method": "exact" } ] },
                                            { "field": "forename", "levels": [ { "method": "exact" } ] },
                                            { "field": "surname", "levels": [ { "method": "soundex" } ] } ] } }
            """);

        var error = Assert.Single(ConfigCatalogLoader.Load(dir.Path).Errors);

        Assert.Equal("$.linkage.comparisons[2].field", error.JsonPath);
        Assert.Contains("'surname' is compared already, by comparisons[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MisspeltCanonicalField_SuggestsTheClosestOne()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("schemas/people.json", ConfigFolder.Schema.Replace("\"canonical\": \"date_of_birth\"", "\"canonical\": \"date_of_brith\"", StringComparison.Ordinal));

        var result = ConfigCatalogLoader.Load(dir.Path);

        Assert.Contains(result.Errors, e => e.JsonPath == "$.fields[5].linkage.canonical" && e.Message.EndsWith("did you mean 'date_of_birth'?", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ProjectWithProblemsOfItsOwnAndAgainstItsSources_ReportsBothInOnePass()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("projects/match.json", """
            { "sources": ["alpha", "beta"],
              "linkage": { "thresholds": { "match": 2 },
                           "comparisons": [ { "field": "ni_number", "levels": [ { "method": "exact" } ] } ] } }
            """);

        var paths = ConfigCatalogLoader.Load(dir.Path).Errors.Select(e => e.JsonPath).ToList();

        Assert.Contains("$.linkage.thresholds.match", paths);
        Assert.Contains("$.linkage.comparisons[0].field", paths);
    }

    [Fact]
    public void Load_ProjectNamingAMissingSource_StillChecksItsOutputsAgainstTheSourcesThatWereRead()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("projects/match.json", """
            { "sources": ["alpha", "nosuch"], "linkage": {},
              "outputs": { "files": [ { "source": "alpha", "columns": [ { "column": "nofield" } ] },
                                      { "source": "gamma", "columns": [ { "column": "benefit" } ] } ] } }
            """);

        var errors = ConfigCatalogLoader.Load(dir.Path).Errors.Where(e => e.File.EndsWith("match.json", StringComparison.Ordinal)).ToList();

        Assert.Contains(errors, e => e.JsonPath == "$.sources[1]");
        Assert.Contains(errors, e => e.JsonPath == "$.outputs.files[0].columns[0].column" && e.Message.Contains("'nofield' is not a field of source 'alpha'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.JsonPath == "$.outputs.files[1].source");
    }

    [Fact]
    public void Load_FieldLongerThanTheSourceAllows_IsAnErrorInTheSource()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("schemas/people.json", ConfigFolder.Schema.Replace("\"required\": true, \"unique\": true", "\"required\": true, \"minLength\": 20", StringComparison.Ordinal));
        dir.Write("sources/alpha.json", """{ "schema": "people", "filePattern": "people_*.csv", "maxFieldLength": 10 }""");

        var error = Assert.Single(ConfigCatalogLoader.Load(dir.Path).Errors);

        Assert.EndsWith(Path.Combine("sources", "alpha.json"), error.File, StringComparison.Ordinal);
        Assert.Equal("$.maxFieldLength", error.JsonPath);
    }

    [Fact]
    public void Load_InvalidJson_GivesTheLine()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("sources/alpha.json", "{\n  \"schema\": \"people\",\n  \"filePattern\" \"x\"\n}");

        var result = ConfigCatalogLoader.Load(dir.Path);

        var error = Assert.Single(result.Errors);
        Assert.Contains("is not valid JSON (line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PropertyGivenTwice_IsAnErrorAtItsSecondPlace()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("sources/alpha.json", """
            { "schema": "people", "filePattern": "a_*.csv",
              "errorTolerance": { "mode": "set-aside", "maxRows": 10, "maxRows": 100000 } }
            """);

        var result = ConfigCatalogLoader.Load(dir.Path);

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.errorTolerance.maxRows", error.JsonPath);
        Assert.Contains("more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MisspeltPropertyInAnotherCase_SuggestsTheRightName()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("sources/alpha.json", """{ "schema": "people", "FilePattern": "a_*.csv" }""");

        var result = ConfigCatalogLoader.Load(dir.Path);

        Assert.Contains(result.Errors, e => e.JsonPath == "$.FilePattern" && e.Message.Contains("did you mean 'filePattern'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_SchemaWithoutKeyOrWithTwo_IsAnError()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("schemas/people.json", """
            { "fields": [
                { "name": "a", "linkage": { "role": "key" } },
                { "name": "b", "linkage": { "role": "key" } },
                { "name": "c", "linkage": { "role": "identifier", "canonical": "shoe_size" } } ] }
            """);

        var result = ConfigCatalogLoader.Load(dir.Path);

        Assert.Contains(result.Errors, e => e.JsonPath == "$.fields" && e.Message.Contains("exactly one field must have the linkage role 'key'", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.JsonPath == "$.fields[2].linkage.canonical" && e.Message.Contains("'shoe_size' is not a canonical field", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_FileNameThatCannotNameAFolder_IsAnError()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("sources/Bad Name.json", ConfigFolder.Source());

        var result = ConfigCatalogLoader.Load(dir.Path);

        Assert.Contains(result.Errors, e => e.File.EndsWith("Bad Name.json", StringComparison.Ordinal) && e.Message.Contains("lower-case", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MissingFolder_IsAnError()
    {
        var result = ConfigCatalogLoader.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")));

        Assert.False(result.Succeeded);
        Assert.Contains("does not exist", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DedupeProjectWithOneSource_IsValidButLinkWithOneIsNot()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("projects/dedupe.json", """{ "sources": ["alpha"], "mode": "dedupe", "linkage": {} }""");
        dir.Write("projects/single.json", """{ "sources": ["alpha"], "mode": "link", "linkage": {} }""");

        var result = ConfigCatalogLoader.Load(dir.Path);

        var error = Assert.Single(result.Errors);
        Assert.Contains("single.json", error.File, StringComparison.Ordinal);
        Assert.Contains("needs at least two", error.Message, StringComparison.Ordinal);
    }

    private static string RepositoryConfig() => Path.Combine(AppContext.BaseDirectory, "config");
}
