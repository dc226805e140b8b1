using System.Text.Json;
using LinkService.Configuration.Loading;
using LinkService.Configuration.Schemas;

namespace LinkService.Configuration.Tests.Schemas;

public sealed class TableSchemaTests
{
    private static readonly SchemaField Key = new() { Name = "id", Linkage = new FieldLinkage { Role = LinkageRole.Key } };

    private static List<ConfigError> Validate(TableSchema schema)
    {
        var errors = new ConfigErrors("schemas/test.json");
        schema.Validate(errors, "$");
        return [.. errors.All];
    }

    [Fact]
    public void Validate_OneKeyAndPlainFields_HasNoErrors() =>
        Assert.Empty(Validate(new TableSchema { Fields = [Key, new SchemaField { Name = "amount", Type = FieldType.Number }] }));

    [Fact]
    public void Validate_NoKeyField_NamesTheFieldsPath()
    {
        var error = Assert.Single(Validate(new TableSchema { Fields = [new SchemaField { Name = "a" }] }));

        Assert.Equal("$.fields", error.JsonPath);
    }

    [Fact]
    public void Validate_FieldDefinedTwice_PointsAtTheSecond()
    {
        var error = Assert.Single(Validate(new TableSchema { Fields = [Key, new SchemaField { Name = "id" }] }), e => e.JsonPath == "$.fields[1].name");

        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PrimaryKeyNamingNoField_PointsAtIt() =>
        Assert.Contains(Validate(new TableSchema { Fields = [Key], PrimaryKey = ["id", "nope"] }), e => e.JsonPath == "$.primaryKey[1]");

    [Fact]
    public void Validate_BadConstraints_ReportsEachWithItsPath()
    {
        var field = new SchemaField
        {
            Name = "n",
            Type = FieldType.Integer,
            Constraints = new FieldConstraints
            {
                MinLength = 5,
                MaxLength = 2,
                Pattern = "([a-z",
                Minimum = JsonDocument.Parse("\"low\"").RootElement,
            },
        };

        var paths = Validate(new TableSchema { Fields = [Key, field] }).Select(e => e.JsonPath).ToList();

        Assert.Contains("$.fields[1].constraints.maxLength", paths);
        Assert.Contains("$.fields[1].constraints.pattern", paths);
        Assert.Contains("$.fields[1].constraints.minimum", paths);
    }

    [Theory]
    [InlineData(FieldType.Integer, "10", "5")]
    [InlineData(FieldType.Number, "0.5", "0.25")]
    [InlineData(FieldType.Year, "2000", "1999")]
    [InlineData(FieldType.Date, "\"2020-01-02\"", "\"2020-01-01\"")]
    [InlineData(FieldType.Datetime, "\"2020-01-01T08:30:01\"", "\"2020-01-01T08:30:00\"")]
    public void Validate_MinimumAboveMaximum_NoValueCouldPass(FieldType type, string minimum, string maximum)
    {
        var field = new SchemaField
        {
            Name = "n",
            Type = type,
            Constraints = new FieldConstraints { Minimum = JsonDocument.Parse(minimum).RootElement, Maximum = JsonDocument.Parse(maximum).RootElement },
        };

        var error = Assert.Single(Validate(new TableSchema { Fields = [Key, field] }));
        Assert.Equal("$.fields[1].constraints.maximum", error.JsonPath);
        Assert.Contains("no value could pass", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MinimumEqualToMaximum_IsAllowed()
    {
        var bound = JsonDocument.Parse("3").RootElement;
        var field = new SchemaField { Name = "n", Type = FieldType.Integer, Constraints = new FieldConstraints { Minimum = bound, Maximum = bound } };

        Assert.Empty(Validate(new TableSchema { Fields = [Key, field] }));
    }

    [Fact]
    public void Validate_NegativeLengthsAndEmptyEnum_EachPointedAt()
    {
        var field = new SchemaField { Name = "s", Constraints = new FieldConstraints { MinLength = -1, MaxLength = -2, Enum = [] } };

        var paths = Validate(new TableSchema { Fields = [Key, field] }).Select(e => e.JsonPath).ToList();

        Assert.Contains("$.fields[1].constraints.minLength", paths);
        Assert.Contains("$.fields[1].constraints.maxLength", paths);
        Assert.Contains("$.fields[1].constraints.enum", paths);
    }

    [Theory]
    [InlineData("01/02/1990")]
    [InlineData("1 February 1990")]
    [InlineData("1990-2-1")]
    public void Validate_DateBoundNotInIsoForm_IsAnErrorRatherThanAGuess(string bound)
    {
        var field = new SchemaField
        {
            Name = "dob",
            Type = FieldType.Date,
            Format = "%d/%m/%Y",
            Constraints = new FieldConstraints { Minimum = JsonDocument.Parse($"\"{bound}\"").RootElement },
        };

        Assert.Contains(Validate(new TableSchema { Fields = [Key, field] }), e => e.JsonPath == "$.fields[1].constraints.minimum");
    }

    [Theory]
    [InlineData(FieldType.Date, "1900-01-01")]
    [InlineData(FieldType.Datetime, "2020-01-31T08:30:00")]
    [InlineData(FieldType.Datetime, "2020-01-31T08:30:00Z")]
    public void Validate_IsoBound_IsAccepted(FieldType type, string bound)
    {
        var field = new SchemaField { Name = "d", Type = type, Constraints = new FieldConstraints { Maximum = JsonDocument.Parse($"\"{bound}\"").RootElement } };

        Assert.Empty(Validate(new TableSchema { Fields = [Key, field] }));
    }

    [Fact]
    public void Validate_DateFormatLinkageCannotRead_PointsAtTheFormat() =>
        Assert.Contains(
            Validate(new TableSchema { Fields = [Key, new SchemaField { Name = "d", Type = FieldType.Date, Format = "%d/%m/%Q" }] }),
            e => e.JsonPath == "$.fields[1].format");

    [Fact]
    public void Validate_IdentifierWithoutCanonicalField_PointsAtTheLinkage() =>
        Assert.Contains(
            Validate(new TableSchema { Fields = [Key, new SchemaField { Name = "s", Linkage = new FieldLinkage { Role = LinkageRole.Identifier } }] }),
            e => e.JsonPath == "$.fields[1].linkage.canonical");

    [Fact]
    public void IsSensitive_KeyAndIdentifierButNotContent()
    {
        Assert.True(Key.IsSensitive);
        Assert.True(new SchemaField { Name = "s", Linkage = new FieldLinkage { Role = LinkageRole.Identifier, Canonical = CanonicalField.Surname } }.IsSensitive);
        Assert.False(new SchemaField { Name = "c" }.IsSensitive);
    }
}
