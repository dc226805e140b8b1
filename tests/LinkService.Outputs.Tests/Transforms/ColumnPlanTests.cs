using LinkService.Configuration.Projects.Outputs;
using LinkService.Configuration.Schemas;
using LinkService.Outputs.Tests.Support;
using LinkService.Outputs.Transforms;

namespace LinkService.Outputs.Tests.Transforms;

public sealed class ColumnPlanTests : IDisposable
{
    private readonly TempDirectory _dir = OutputsConfig.Create("{}");
    private readonly TableSchema _schema;

    public ColumnPlanTests() => _schema = OutputsConfig.LoadValid(_dir).Schemas["people"];

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("31/12/1989", "1989")]
    [InlineData("01/01/1990", "1990")]
    [InlineData("not a date", null)]
    public void YearOfBirth_ReadsTheFieldsOwnDateFormat(string dob, string? expected) =>
        Assert.Equal(expected, Plan(new() { Column = "dob", Transform = ColumnTransform.YearOfBirth }).Apply(dob, null));

    /// <summary>
    /// Each layout validation accepts for a datetime reads back as the date written: an offset is not applied (on a
    /// server in UTC, 02:00+05:00 on 1 January was read as 31 December, and linkage read the same cell as 1 January).
    /// </summary>
    [Theory]
    [InlineData("2020-03-04T10:00:00.5", "2020-03-04")]
    [InlineData("2020-01-01T02:00:00+05:00", "2020-01-01")]
    [InlineData("2020-12-31T23:30:00-05:00", "2020-12-31")]
    [InlineData("2020-03-04T10:00:00", "2020-03-04")]
    public void DateCells_DatetimeFieldAsValidationAcceptsIt_IsTheDateWritten(string cell, string expected) =>
        Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), DateCells.For(new SchemaField { Name = "seen", Type = FieldType.Datetime })(cell));

    [Theory]
    [InlineData("2024-01-31", "2024-01", "2024")]
    [InlineData("2024-02-01", "2024-02", "2024")]
    [InlineData("2023-12-31", "2023-12", "2023")]
    public void MonthAndYear_CutADateOnEitherSideOfTheirEdges(string start, string month, string year)
    {
        Assert.Equal(month, Plan(new() { Column = "start", Transform = ColumnTransform.Month }).Apply(start, null));
        Assert.Equal(year, Plan(new() { Column = "start", Transform = ColumnTransform.Year }).Apply(start, null));
    }

    [Theory]
    [InlineData("14/06/1990", "2020-06-14", "30-39")]
    [InlineData("15/06/1990", "2020-06-14", "20-29")]
    [InlineData("15/06/1990", null, null)]
    public void AgeBand_AtAnotherColumn_TakesTheAgeOnThatRowsDate(string dob, string? start, string? expected) =>
        Assert.Equal(expected, Plan(new() { Column = "dob", Transform = ColumnTransform.AgeBand, BandWidth = 10, AtColumn = "start" }).Apply(dob, start));

    [Theory]
    [InlineData("01/04/1994", "30-34")]
    [InlineData("02/04/1994", "25-29")]
    public void AgeBand_AtAFixedDate_TakesTheAgeOnThatDate(string dob, string expected) =>
        Assert.Equal(expected, Plan(new() { Column = "dob", Transform = ColumnTransform.AgeBand, BandWidth = 5, AtDate = "2024-04-01" }).Apply(dob, null));

    [Theory]
    [InlineData("sw1a 1aa", "SW1A", "SW1A 1")]
    [InlineData("M11AE", "M1", "M1 1")]
    [InlineData("   ", null, null)]
    public void Postcode_GivesTheDistrictOrSectorOfTheNormalisedPostcode(string postcode, string? district, string? sector)
    {
        Assert.Equal(district, Plan(new() { Column = "postcode", Transform = ColumnTransform.PostcodeDistrict }).Apply(postcode, null));
        Assert.Equal(sector, Plan(new() { Column = "postcode", Transform = ColumnTransform.PostcodeSector }).Apply(postcode, null));
    }

    [Theory]
    [InlineData("499.99", "499.99")]
    [InlineData("500", "500")]
    [InlineData("500.01", "500")]
    [InlineData("-3", "-3")]
    public void TopCode_ShowsValuesAboveTheMaximumAsTheMaximum(string amount, string expected)
    {
        var plan = Plan(new() { Column = "amount", Transform = ColumnTransform.TopCode, Maximum = 500 });

        Assert.Equal(expected, plan.Apply(amount, null));
        Assert.Equal("number", plan.Column.Type);
    }

    [Theory]
    [InlineData("JSA", "jobseeker")]
    [InlineData("jsa", "other")]
    [InlineData("PIP", "other")]
    public void Category_MapsListedValuesAndSendsTheRestToTheDefault(string benefit, string expected) =>
        Assert.Equal(expected, Plan(new() { Column = "benefit", Transform = ColumnTransform.Category, Groups = new Dictionary<string, string> { ["JSA"] = "jobseeker" }, Default = "other" }).Apply(benefit, null));

    /// <summary>
    /// A group is found for a value as written or as keep shows it: a boolean's TRUE or 1 is the value true, and fell to
    /// the default group when the groups named "true" (found by a fresh-eyes tester), as an integer written +5 did for "5".
    /// </summary>
    [Theory]
    [InlineData(FieldType.Boolean, "TRUE", "yes")]
    [InlineData(FieldType.Boolean, "1", "yes")]
    [InlineData(FieldType.Boolean, "true", "yes")]
    [InlineData(FieldType.Boolean, "False", "no")]
    [InlineData(FieldType.Integer, "+5", "five")]
    [InlineData(FieldType.Integer, "5", "five")]
    [InlineData(FieldType.Integer, "6", "no")]
    [InlineData(FieldType.String, "TRUE", "no")]
    public void Category_FindsTheGroupOfTheValueAsKeepShowsIt(FieldType type, string cell, string expected)
    {
        var schema = new TableSchema { Fields = [new SchemaField { Name = "flag", Type = type }] };
        var groups = new Dictionary<string, string> { ["true"] = "yes", ["5"] = "five" };

        var plan = ColumnPlan.Create(new() { Column = "flag", Transform = ColumnTransform.Category, Groups = groups, Default = "no" }, schema);

        Assert.Equal(expected, plan.Apply(cell, null));
    }

    [Fact]
    public void Keep_WritesNumbersAndDatesInTheirPlainForms()
    {
        Assert.Equal("12.5", Plan(new() { Column = "amount" }).Apply("12.50", null));
        Assert.Equal("2024-02-01", Plan(new() { Column = "start" }).Apply("2024-02-01", null));
        Assert.Equal("=1+1", Plan(new() { Column = "note" }).Apply("=1+1", null));
    }

    /// <summary>
    /// A kept datetime is written in ISO 8601, as a kept date is, with the offset the department wrote (none where it
    /// wrote none): the package calls the column a Table Schema datetime, whose default format is ISO 8601, and a
    /// field written '%Y-%m-%d %H:%M:%S%z' or in any layout went out as written, so that no Frictionless tool could read
    /// the column (found by a fresh-eyes tester) and one column held several layouts.
    /// </summary>
    [Theory]
    [InlineData("%Y-%m-%d %H:%M:%S%z", "2021-06-30 23:30:00+0200", "2021-06-30T23:30:00+02:00")]
    [InlineData("%d/%m/%Y %H:%M", "30/06/2021 23:30", "2021-06-30T23:30:00")]
    [InlineData("any", "Jan 5, 2021", "2021-01-05T00:00:00")]
    [InlineData("any", "2020-06-15T12:00:00+05:00", "2020-06-15T12:00:00+05:00")]
    [InlineData("default", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00+00:00")]
    [InlineData("default", "2020-06-15T12:00:00.123-01:00", "2020-06-15T12:00:00.123-01:00")]
    [InlineData("default", "2020-06-15T12:00:00", "2020-06-15T12:00:00")]
    public void Keep_Datetime_IsWrittenInIso8601WithTheOffsetAsWritten(string format, string cell, string expected)
    {
        var schema = new TableSchema { Fields = [new SchemaField { Name = "seen", Type = FieldType.Datetime, Format = format }] };

        var plan = ColumnPlan.Create(new() { Column = "seen" }, schema);

        Assert.Equal((expected, "datetime"), (plan.Apply(cell, null), plan.Column.Type));
    }

    [Fact]
    public void Apply_MissingCell_StaysBlank() =>
        Assert.Null(Plan(new() { Column = "benefit", Transform = ColumnTransform.Category, Groups = new Dictionary<string, string>(), Default = "other" }).Apply(null, null));

    [Fact]
    public void Create_DescribesEveryColumnWithItsTableSchemaType()
    {
        Assert.Equal("year", Plan(new() { Column = "dob", Transform = ColumnTransform.YearOfBirth }).Column.Type);
        Assert.Equal("yearmonth", Plan(new() { Column = "start", Transform = ColumnTransform.Month }).Column.Type);
        Assert.Equal("string", Plan(new() { Column = "dob", Transform = ColumnTransform.AgeBand, BandWidth = 10, AtDate = "2024-01-01" }).Column.Type);
        Assert.Equal("date", Plan(new() { Column = "start" }).Column.Type);
        Assert.All(
            new[] { Plan(new() { Column = "start" }), Plan(new() { Column = "postcode", As = "district", Transform = ColumnTransform.PostcodeDistrict }) },
            p => Assert.False(string.IsNullOrWhiteSpace(p.Column.Description)));
    }

    private ColumnPlan Plan(OutputColumnSpec spec) => ColumnPlan.Create(spec, _schema);
}
