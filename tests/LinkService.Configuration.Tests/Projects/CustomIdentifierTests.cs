using LinkService.Configuration.Loading;
using LinkService.Configuration.Projects.Linkage;
using LinkService.Configuration.Tests.Support;

namespace LinkService.Configuration.Tests.Projects;

/// <summary>Identifier fields of the custodian's own (email, phone, a department's reference), and sources that lack a field the project uses.</summary>
public sealed class CustomIdentifierTests
{
    private const string EmailField = """{ "name": "email", "type": "string", "linkage": { "role": "identifier", "canonical": "email", "standardiser": "email" } }""";

    private const string EmailProject = """
        { "sources": ["alpha", "beta"],
          "linkage": {
            "blocking": [ { "keys": [ { "field": "email" } ] }, { "keys": [ { "field": "surname" }, { "field": "date_of_birth" } ] } ],
            "comparisons": [ { "field": "email", "levels": [ { "method": "exact" }, { "method": "levenshtein", "distance": 1 } ] },
                             { "field": "surname", "levels": [ { "method": "exact" } ] } ] } }
        """;

    [Fact]
    public void Load_SchemaDeclaresAFieldOfItsOwnWithAStandardiser_ProjectsBlockAndCompareOnIt()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("schemas/people.json", WithField(ConfigFolder.Schema, EmailField));
        dir.Write("projects/match.json", EmailProject);

        var result = ConfigCatalogLoader.Load(dir.Path);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        var field = result.Catalog!.Schemas["people"].FindField("email")!;
        Assert.Equal(StandardiseAs.Email, field.Linkage!.Standardiser);
        Assert.True(field.IsSensitive);
    }

    [Fact]
    public void Load_MisspeltStandardiser_SuggestsTheClosestOne()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("schemas/people.json", WithField(ConfigFolder.Schema, EmailField.Replace("\"standardiser\": \"email\"", "\"standardiser\": \"emial\"", StringComparison.Ordinal)));

        var error = Assert.Single(ConfigCatalogLoader.Load(dir.Path).Errors);

        Assert.Equal("$.fields[6].linkage.standardiser", error.JsonPath);
        Assert.EndsWith("did you mean 'email'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FieldOfItsOwnWithoutAStandardiser_SaysToNameOne()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("schemas/people.json", WithField(ConfigFolder.Schema, """{ "name": "phone", "type": "string", "linkage": { "role": "identifier", "canonical": "phone" } }"""));

        var error = Assert.Single(ConfigCatalogLoader.Load(dir.Path).Errors);

        Assert.Equal("$.fields[6].linkage.canonical", error.JsonPath);
        Assert.Contains("names its 'standardiser' (text, upper-alnum, email, phone, address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ProjectUsesAFieldNoSourceDeclares_SuggestsTheClosestDeclaredOne()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("schemas/people.json", WithField(ConfigFolder.Schema, EmailField));
        dir.Write("projects/match.json", EmailProject.Replace("{ \"field\": \"email\", \"levels\"", "{ \"field\": \"emails\", \"levels\"", StringComparison.Ordinal));

        var error = Assert.Single(ConfigCatalogLoader.Load(dir.Path).Errors);

        Assert.Equal("$.linkage.comparisons[0].field", error.JsonPath);
        Assert.EndsWith("did you mean 'email'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PostcodeMethodOnAnEmailField_IsAnError()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("schemas/people.json", WithField(ConfigFolder.Schema, EmailField));
        dir.Write("projects/match.json", EmailProject.Replace("\"method\": \"levenshtein\", \"distance\": 1", "\"method\": \"postcode-sector\"", StringComparison.Ordinal));

        var error = Assert.Single(ConfigCatalogLoader.Load(dir.Path).Errors);

        Assert.Equal("$.linkage.comparisons[0].levels[1].method", error.JsonPath);
        Assert.Contains("needs a postcode field", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SourcesDeclareOneFieldWithDifferentStandardisers_IsAnErrorUntilTheProjectSaysWhich()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("schemas/people.json", WithField(ConfigFolder.Schema, EmailField));
        dir.Write("schemas/others.json", WithField(ConfigFolder.Schema, EmailField.Replace("\"standardiser\": \"email\"", "\"standardiser\": \"text\"", StringComparison.Ordinal)));
        dir.Write("sources/beta.json", ConfigFolder.Source("others"));
        dir.Write("projects/match.json", EmailProject);

        var error = Assert.Single(ConfigCatalogLoader.Load(dir.Path).Errors);
        Assert.Equal("$.linkage.standardisation.email", error.JsonPath);
        Assert.Contains("source 'alpha' declares 'email' with standardiser 'email' and source 'beta' with 'text'", error.Message, StringComparison.Ordinal);

        dir.Write("projects/match.json", EmailProject.Replace("\"linkage\": {", "\"linkage\": { \"standardisation\": { \"email\": { \"as\": \"email\" } },", StringComparison.Ordinal));
        var settled = ConfigCatalogLoader.Load(dir.Path);
        Assert.True(settled.Succeeded, string.Join(Environment.NewLine, settled.Errors));
    }

    [Fact]
    public void Load_OneSchemaFeedingAFieldOfItsOwnFromTwoColumnsWithDifferentStandardisers_IsAnErrorNamingTheSecond()
    {
        // The first column's standardiser was taken for both, silently: the phone numbers, cleaned as email addresses,
        // were every one missing.
        using var dir = ConfigFolder.CreateValid();
        dir.Write("schemas/people.json", WithField(ConfigFolder.Schema, """
            { "name": "email", "type": "string", "linkage": { "role": "identifier", "canonical": "contact", "standardiser": "email" } },
            { "name": "mobile", "type": "string", "linkage": { "role": "identifier", "canonical": "contact", "standardiser": "phone" } }
            """));

        var error = Assert.Single(ConfigCatalogLoader.Load(dir.Path).Errors);

        Assert.EndsWith("people.json", error.File, StringComparison.Ordinal);
        Assert.Equal("$.fields[7].linkage.standardiser", error.JsonPath);
        Assert.Contains("field 'mobile' feeds 'contact' with standardiser 'phone', and field 'email' with 'email'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OneSchemaFeedingAFieldOfItsOwnFromTwoColumnsWithOneStandardiser_IsValid()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("schemas/people.json", WithField(ConfigFolder.Schema, """
            { "name": "home_phone", "type": "string", "linkage": { "role": "identifier", "canonical": "phone", "standardiser": "phone" } },
            { "name": "mobile", "type": "string", "linkage": { "role": "identifier", "canonical": "phone", "standardiser": "phone" } }
            """));

        var result = ConfigCatalogLoader.Load(dir.Path);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
    }

    [Fact]
    public void Load_ComparingAFieldOfItsOwnNamedLikeAColumnOfReviewCsv_IsAnError()
    {
        // A field of the custodian's own named 'match' gave review.csv its columns 'match' and 'match_weight', the second
        // beside the pair's own match_weight: two columns of one name, and a reader by name took one for the other.
        using var dir = ConfigFolder.CreateValid();
        dir.Write("schemas/people.json", WithField(ConfigFolder.Schema, EmailField.Replace("\"canonical\": \"email\"", "\"canonical\": \"match\"", StringComparison.Ordinal)));
        dir.Write("projects/match.json", EmailProject.Replace("\"email\"", "\"match\"", StringComparison.Ordinal));

        var error = Assert.Single(ConfigCatalogLoader.Load(dir.Path).Errors);

        Assert.Equal("$.linkage.comparisons[0].field", error.JsonPath);
        Assert.Contains("'match' would give review.csv a second column 'match_weight'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ThirdSourceWithoutPostcodes_KeepsPostcodesInTheProject()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("schemas/nopostcode.json", WithoutField(ConfigFolder.Schema, "postcode"));
        dir.Write("sources/gamma.json", ConfigFolder.Source("nopostcode"));
        dir.Write("projects/match.json", """{ "sources": ["alpha", "beta", "gamma"], "mode": "link", "linkage": {} }""");

        var result = ConfigCatalogLoader.Load(dir.Path);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.Contains(result.Catalog!.Projects["match"].Linkage.Comparisons, c => c.Field == "postcode");
    }

    [Fact]
    public void Load_FieldNoSourceFeeds_IsStillAnError()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("schemas/people.json", WithoutField(ConfigFolder.Schema, "postcode"));

        var errors = ConfigCatalogLoader.Load(dir.Path).Errors;

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Contains("none of the project's sources (alpha, beta) has an identifier feeding it", e.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("integer", "email")]
    [InlineData("boolean", "date")]
    [InlineData("date", "phone")]
    [InlineData("number", "postcode")]
    public void Load_FieldOfItsOwnOfATypeItsStandardiserCannotRead_IsAnErrorNamingTheSchemaField(string type, string standardiser)
    {
        // An email standardiser on an integer column found no '@' in any value: the source was missing the field in
        // every record, and the project linked without it, with no word at start.
        using var dir = ConfigFolder.CreateValid();
        dir.Write("schemas/people.json", WithField(ConfigFolder.Schema, $$"""{ "name": "contact", "type": "{{type}}", "linkage": { "role": "identifier", "canonical": "contact", "standardiser": "{{standardiser}}" } }"""));

        var error = Assert.Single(ConfigCatalogLoader.Load(dir.Path).Errors);

        Assert.EndsWith("people.json", error.File, StringComparison.Ordinal);
        Assert.Equal("$.fields[6].linkage.standardiser", error.JsonPath);
        Assert.Contains($"the standardiser '{standardiser}' cannot read a field of type '{type}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CanonicalFieldOfATypeItsStandardiserCannotRead_IsAnErrorNamingTheSourceAndField()
    {
        // A date of birth typed 'year' (1984) is never a date to the date standardiser: every record missing it.
        using var dir = ConfigFolder.CreateValid();
        dir.Write("schemas/others.json", ConfigFolder.Schema.Replace("""{ "name": "dob", "type": "date", "format": "%d/%m/%Y",""", """{ "name": "dob", "type": "year",""", StringComparison.Ordinal));
        dir.Write("sources/beta.json", ConfigFolder.Source("others"));

        var error = Assert.Single(ConfigCatalogLoader.Load(dir.Path).Errors);

        Assert.EndsWith("match.json", error.File, StringComparison.Ordinal);
        Assert.Equal("$.linkage.standardisation.date_of_birth", error.JsonPath);
        Assert.Contains("source 'beta' feeds 'date_of_birth' from its field 'dob' of type 'year', which the standardiser 'date' cannot read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ProjectStandardisingAFieldAsAKindItsTypeCannotBeReadAs_IsAnError()
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("schemas/people.json", WithField(ConfigFolder.Schema, """{ "name": "ref", "type": "integer", "linkage": { "role": "identifier", "canonical": "reference_number" } }"""));
        dir.Write("projects/match.json", """
            { "sources": ["alpha", "beta"], "mode": "link",
              "linkage": { "standardisation": { "reference_number": { "as": "email" } },
                           "comparisons": [ { "field": "reference_number", "levels": [ { "method": "exact" } ] }, { "field": "surname", "levels": [ { "method": "exact" } ] } ] } }
            """);

        // Both sources read the one schema: each is named.
        var errors = ConfigCatalogLoader.Load(dir.Path).Errors;

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("$.linkage.standardisation.reference_number", e.JsonPath));
        Assert.Contains("source 'alpha' feeds 'reference_number' from its field 'ref' of type 'integer', which the standardiser 'email' cannot read", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("source 'beta' feeds", errors[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("integer", "phone")]
    [InlineData("integer", "upper-alnum")]
    [InlineData("datetime", "date")]
    [InlineData("string", "date")]
    [InlineData("boolean", "text")]
    public void Load_FieldOfItsOwnOfATypeItsStandardiserReads_IsValid(string type, string standardiser)
    {
        using var dir = ConfigFolder.CreateValid();
        dir.Write("schemas/people.json", WithField(ConfigFolder.Schema, $$"""{ "name": "contact", "type": "{{type}}", "linkage": { "role": "identifier", "canonical": "contact", "standardiser": "{{standardiser}}" } }"""));

        var result = ConfigCatalogLoader.Load(dir.Path);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
    }

    private const string Benefit = "{ \"name\": \"benefit\", ";

    private static string WithField(string schema, string field) =>
        schema.Replace(Benefit, field + ",\n" + Benefit, StringComparison.Ordinal);

    private static string WithoutField(string schema, string canonical) =>
        string.Join('\n', schema.Split('\n').Where(line => !line.Contains($"\"canonical\": \"{canonical}\"", StringComparison.Ordinal)));
}
