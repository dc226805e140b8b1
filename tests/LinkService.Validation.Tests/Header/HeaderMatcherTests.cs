using LinkService.Validation.Header;
using LinkService.Validation.Report;
using LinkService.Validation.Tests.Support;

namespace LinkService.Validation.Tests.Header;

public sealed class HeaderMatcherTests
{
    private static HeaderMatch Match(string fieldsMatch, params string[] labels)
    {
        var schema = Schemas.Parse($$"""
            { "fields": [ { "name": "id", "constraints": { "required": true }, "linkage": { "role": "key" } }, { "name": "surname" }, { "name": "region" } ],
              "fieldsMatch": "{{fieldsMatch}}" }
            """);
        return HeaderMatcher.Match(schema, labels, ',');
    }

    private static string[] Types(HeaderMatch match) => [.. match.Errors.Select(e => e.Type).Distinct().Order(StringComparer.Ordinal)];

    [Fact]
    public void Match_ExactInOrder_MapsEachColumnToItsField()
    {
        var match = Match("exact", "id", "surname", "region");

        Assert.True(match.IsValid);
        Assert.Equal([0, 1, 2], match.ColumnToField);
    }

    [Fact]
    public void Match_EqualInAnotherOrder_MapsByName()
    {
        var match = Match("equal", "region", "id", "surname");

        Assert.True(match.IsValid);
        Assert.Equal([2, 0, 1], match.ColumnToField);
    }

    [Fact]
    public void Match_ExactInAnotherOrder_ReportsIncorrectLabels()
    {
        var match = Match("exact", "id", "region", "surname");

        Assert.Equal([ErrorTypes.IncorrectLabel], Types(match));
    }

    [Fact]
    public void Match_SubsetWithAnExtraColumn_IgnoresTheColumn()
    {
        var match = Match("subset", "id", "surname", "region", "comment");

        Assert.True(match.IsValid);
        Assert.Equal(-1, match.ColumnToField[3]);
    }

    [Fact]
    public void Match_SupersetWithoutAnOptionalField_IsValidButNotWithoutARequiredOne()
    {
        Assert.True(Match("superset", "id", "region").IsValid);
        Assert.Equal([ErrorTypes.MissingLabel], Types(Match("superset", "surname", "region")));
    }

    [Fact]
    public void Match_PartialWithNoFieldInCommon_ReportsMissingLabels()
    {
        Assert.True(Match("partial", "id", "other").IsValid);
        Assert.Contains(ErrorTypes.MissingLabel, Types(Match("partial", "a", "b")));
    }

    [Fact]
    public void Match_DuplicateAndBlankLabels_ReportsEach()
    {
        var match = Match("equal", "id", "surname", "surname", " ", "region");

        Assert.Equal([ErrorTypes.BlankLabel, ErrorTypes.DuplicateLabel], Types(match));
    }

    [Fact]
    public void Match_MisspeltLabel_SaysWhichFieldItLooksLike()
    {
        var match = Match("exact", "id", "Surnmae", "region");

        var error = Assert.Single(match.Errors);
        Assert.Equal(ErrorTypes.IncorrectLabel, error.Type);
        Assert.Contains("'surname'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_HeaderJoinedByAnotherDelimiter_HintsAtTheDelimiter()
    {
        var match = Match("exact", "id;surname;region");

        Assert.Contains("';'", match.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_DataRowInsteadOfHeader_NeverQuotesTheValues()
    {
        var match = Match("exact", "P000001", "Quibblethwaite", "north");

        Assert.True(match.LabelsMayBeData);
        Assert.All(match.Errors, e => Assert.DoesNotContain("Quibblethwaite", e.Message, StringComparison.Ordinal));
        Assert.All(match.Errors, e => Assert.NotEqual("Quibblethwaite", e.FieldName));
    }
}
