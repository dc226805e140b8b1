using LinkService.Validation.Cells;
using LinkService.Validation.Tests.Support;

namespace LinkService.Validation.Tests.Cells;

public sealed class FieldRuleTests
{
    [Theory]
    [InlineData("""{ "name": "n", "constraints": { "required": true } }""", "", "Required")]
    [InlineData("""{ "name": "n", "constraints": { "required": true } }""", "NA", "Required")]
    [InlineData("""{ "name": "n", "type": "integer" }""", "NA", "Missing")]
    [InlineData("""{ "name": "n", "constraints": { "minLength": 3 } }""", "ab", "MinLength")]
    [InlineData("""{ "name": "n", "constraints": { "maxLength": 3 } }""", "abcd", "MaxLength")]
    [InlineData("""{ "name": "n", "constraints": { "pattern": "[A-Z]{2}" } }""", "ABC", "Pattern")]
    [InlineData("""{ "name": "n", "constraints": { "pattern": "[A-Z]{2}" } }""", "AB", "None")]
    [InlineData("""{ "name": "n", "constraints": { "enum": ["a", "b"] } }""", "A", "Enum")]
    [InlineData("""{ "name": "n", "type": "integer", "constraints": { "enum": [1, 2] } }""", "2", "None")]
    [InlineData("""{ "name": "n", "type": "number", "constraints": { "minimum": 0 } }""", "-0.5", "Minimum")]
    [InlineData("""{ "name": "n", "type": "integer", "constraints": { "maximum": 10 } }""", "11", "Maximum")]
    [InlineData("""{ "name": "n", "type": "date", "constraints": { "minimum": "1900-01-01" } }""", "1899-12-31", "Minimum")]
    [InlineData("""{ "name": "n", "type": "date", "format": "%d/%m/%Y", "constraints": { "maximum": "2025-12-31" } }""", "01/01/2026", "Maximum")]
    [InlineData("""{ "name": "n", "type": "date", "format": "%d/%m/%Y", "constraints": { "maximum": "2025-12-31" } }""", "31/12/2025", "None")]
    [InlineData("""{ "name": "n", "type": "integer", "constraints": { "minimum": 0 } }""", "x", "Type")]
    public void Check_Cell_FindsTheFirstFault(string fieldJson, string cell, string expected)
    {
        var schema = Schemas.Parse($$"""{ "fields": [ { "name": "id", "linkage": { "role": "key" } }, {{fieldJson}} ], "missingValues": ["", "NA"] }""");
        var rule = FieldRuleFactory.Create(schema, schema.Fields[1], isPrimaryKeyPart: false, TimeSpan.FromSeconds(1));

        Assert.Equal(Enum.Parse<CellFault>(expected), rule.Check(cell));
    }

    [Fact]
    public void Check_EmptyPrimaryKeyCell_IsRequiredEvenWithoutTheConstraint()
    {
        var schema = Schemas.Parse("""{ "fields": [ { "name": "id", "linkage": { "role": "key" } } ], "primaryKey": ["id"] }""");
        var rule = FieldRuleFactory.Create(schema, schema.Fields[0], isPrimaryKeyPart: true, TimeSpan.FromSeconds(1));

        Assert.Equal(CellFault.Required, rule.Check(""));
    }

    [Fact]
    public void Describe_IdentifierOrContent_NamesTheFieldAndTheRuleWithoutTakingTheValue()
    {
        var schema = Schemas.Parse("""{ "fields": [ { "name": "id", "linkage": { "role": "key" } }, { "name": "surname", "constraints": { "maxLength": 3 }, "linkage": { "role": "identifier", "canonical": "surname" } }, { "name": "note", "constraints": { "maxLength": 3 } } ] }""");
        var surname = FieldRuleFactory.Create(schema, schema.Fields[1], false, TimeSpan.FromSeconds(1));
        var note = FieldRuleFactory.Create(schema, schema.Fields[2], false, TimeSpan.FromSeconds(1));

        Assert.Equal("the value in field 'surname' is longer than the maximum length of 3 characters", CellMessages.Describe(surname, CellFault.MaxLength));
        Assert.Equal("the value in field 'note' is longer than the maximum length of 3 characters", CellMessages.Describe(note, CellFault.MaxLength));
    }

    [Fact]
    public void Problem_DateInAPattern_SaysTheLayoutAsDepartmentsWriteIt()
    {
        var rule = FieldRuleFactory.Create(Schemas.Parse("""{ "fields": [ { "name": "id", "linkage": { "role": "key" } }, { "name": "dob", "type": "date", "format": "%d/%m/%Y" } ] }"""), Schemas.Field("""{ "name": "dob", "type": "date", "format": "%d/%m/%Y" }"""), false, TimeSpan.FromSeconds(1));

        Assert.Equal("is not dd/mm/yyyy", CellMessages.Problem(rule, CellFault.Type));
    }
}
