using LinkService.Validation.Cells;
using LinkService.Validation.Tests.Support;

namespace LinkService.Validation.Tests.Cells;

public sealed class CellTypeCheckTests
{
    [Theory]
    [InlineData("""{ "name": "n", "type": "number" }""", "1234.5", true)]
    [InlineData("""{ "name": "n", "type": "number" }""", "1,234.5", false)]
    [InlineData("""{ "name": "n", "type": "number" }""", "1e3", true)]
    [InlineData("""{ "name": "n", "type": "number" }""", "INF", true)]
    [InlineData("""{ "name": "n", "type": "number" }""", "Infinity", false)]
    [InlineData("""{ "name": "n", "type": "number", "groupChar": "," }""", "1,234.5", true)]
    [InlineData("""{ "name": "n", "type": "number", "decimalChar": ",", "groupChar": "." }""", "1.234,5", true)]
    [InlineData("""{ "name": "n", "type": "number", "decimalChar": "," }""", "1234.5", false)]
    [InlineData("""{ "name": "n", "type": "number", "bareNumber": false }""", "£12.50", true)]
    [InlineData("""{ "name": "n", "type": "integer" }""", "-42", true)]
    [InlineData("""{ "name": "n", "type": "integer" }""", "4.0", false)]
    [InlineData("""{ "name": "n", "type": "year" }""", "1999", true)]
    [InlineData("""{ "name": "n", "type": "year" }""", "99", false)]
    [InlineData("""{ "name": "n", "type": "boolean" }""", "TRUE", true)]
    [InlineData("""{ "name": "n", "type": "boolean" }""", "yes", false)]
    [InlineData("""{ "name": "n", "type": "boolean", "trueValues": ["Y"], "falseValues": ["N"] }""", "Y", true)]
    [InlineData("""{ "name": "n", "type": "boolean", "trueValues": ["Y"], "falseValues": ["N"] }""", "true", false)]
    [InlineData("""{ "name": "n", "type": "date" }""", "2024-02-29", true)]
    [InlineData("""{ "name": "n", "type": "date" }""", "29/02/2024", false)]
    [InlineData("""{ "name": "n", "type": "date", "format": "%d %b %Y" }""", "29 Feb 2024", true)]
    [InlineData("""{ "name": "n", "type": "datetime" }""", "2024-02-29T10:15:00Z", true)]
    [InlineData("""{ "name": "n", "type": "datetime" }""", "2024-02-29 10:15", false)]
    [InlineData("""{ "name": "n", "type": "date", "format": "any" }""", "3 April 1985", true)]
    [InlineData("""{ "name": "n", "type": "datetime", "format": "any" }""", "1985-04-03 10:15", true)]
    [InlineData("""{ "name": "n", "type": "datetime", "format": "any" }""", "0001-01-01 10:15", true)]
    // A time with no date took the day the file was checked (and the day linkage or the outputs read it) as its date.
    [InlineData("""{ "name": "n", "type": "date", "format": "any" }""", "10:30", false)]
    // A date with no year took the year the file was checked in (and the year linkage or the outputs read it).
    [InlineData("""{ "name": "n", "type": "date", "format": "any" }""", "Jan 5", false)]
    [InlineData("""{ "name": "n", "type": "date", "format": "any" }""", "12/25", false)]
    [InlineData("""{ "name": "n", "type": "date", "format": "any" }""", "Jan 5, 2021", true)]
    [InlineData("""{ "name": "n", "type": "datetime", "format": "any" }""", "10:30", false)]
    [InlineData("""{ "name": "n", "type": "datetime", "format": "any" }""", "10:30:00+01:00", false)]
    [InlineData("""{ "name": "n", "type": "string", "format": "email" }""", "a.person@example.org", true)]
    [InlineData("""{ "name": "n", "type": "string", "format": "email" }""", "not an email", false)]
    [InlineData("""{ "name": "n", "type": "string", "format": "uuid" }""", "0f8fad5b-d9cb-469f-a165-70867728950e", true)]
    [InlineData("""{ "name": "n", "type": "string", "format": "uri" }""", "relative/path", false)]
    public void TryRead_Cell_FollowsTheFieldsTypeAndFormat(string fieldJson, string cell, bool expected)
    {
        var check = new CellTypeCheck(Schemas.Field(fieldJson));

        Assert.Equal(expected, check.TryRead(cell, out _, out _));
    }
}
