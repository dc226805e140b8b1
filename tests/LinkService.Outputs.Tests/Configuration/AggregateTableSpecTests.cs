using LinkService.Configuration.Projects.Outputs;
using LinkService.Outputs.Tests.Support;

namespace LinkService.Outputs.Tests.Configuration;

public sealed class AggregateTableSpecTests
{
    private const string ProjectFile = "config/projects/study.json";

    private const string Files = """
        "files": [ { "source": "alpha", "columns": [ { "column": "benefit" }, { "column": "note" }, { "column": "amount" } ] } ]
        """;

    private static TempDirectory Tables(string tables, string files = Files) => OutputsConfig.Create($$"""{ {{files}}, "tables": [ {{tables}} ] }""");

    private static List<(string Path, string Message)> Errors(TempDirectory dir) =>
        [.. OutputsConfig.Load(dir).Errors.Select(e => { Assert.Equal(ProjectFile, e.File); return (e.JsonPath, e.Message); })];

    [Fact]
    public void Load_CountTableWithNothingElse_TakesTheUsualDefaults()
    {
        using var dir = Tables("""{ "name": "by-benefit", "from": "alpha", "groupBy": ["benefit"] }""");

        var table = Assert.Single(OutputsConfig.LoadValid(dir).Projects["study"].Outputs!.Tables);

        Assert.Equal(AggregateStatistic.Count, table.Statistic);
        Assert.Equal(10, table.Threshold);
        Assert.Null(table.Round);
        Assert.True(table.Suppress);
        Assert.Equal(2, table.DominanceContributors);
        Assert.Equal(90m, table.DominancePercent);
        Assert.Equal(10m, table.PRatioPercent);
        Assert.Equal("by-benefit.csv", table.FileName);
        Assert.Equal("count", table.ValueColumn);
    }

    [Fact]
    public void Load_EverySetting_Binds()
    {
        using var dir = Tables("""
            { "name": "amounts", "description": "Amounts by benefit", "from": "alpha.csv", "groupBy": ["benefit", "note"], "statistic": "mean",
              "column": "amount", "threshold": 20, "round": 5, "suppress": false, "dominanceContributors": 1, "dominancePercent": 50, "pRatioPercent": 15 }
            """);

        var table = Assert.Single(OutputsConfig.LoadValid(dir).Projects["study"].Outputs!.Tables);

        Assert.Equal(AggregateStatistic.Mean, table.Statistic);
        Assert.Equal("amount_mean", table.ValueColumn);
        Assert.Equal((20, (int?)5, false, 1, 50m, 15m), (table.Threshold, table.Round, table.Suppress, table.DominanceContributors, table.DominancePercent, table.PRatioPercent));
    }

    [Fact]
    public void Load_UnknownStatistic_SaysWhichItMeant()
    {
        using var dir = Tables("""{ "name": "t", "from": "alpha", "groupBy": ["benefit"], "statistic": "cuont" }""");

        var (path, message) = Assert.Single(Errors(dir));

        Assert.Equal("$.outputs.tables[0].statistic", path);
        Assert.Equal("must be one of 'count', 'sum', 'mean', not the string \"cuont\"; did you mean 'count'?", message);
    }

    [Fact]
    public void Load_GroupByColumnNotInTheFile_NamesThePathAndTheNearestColumn()
    {
        using var dir = Tables("""{ "name": "t", "from": "alpha", "groupBy": ["benefit", "notes"] }""");

        Assert.Equal(("$.outputs.tables[0].groupBy[1]", "'notes' is not an output column of 'alpha.csv'; did you mean 'note'?"), Assert.Single(Errors(dir)));
    }

    [Fact]
    public void Load_SchemaFieldNotChosenForTheFile_IsNotAColumnOfIt()
    {
        using var dir = Tables("""{ "name": "t", "from": "alpha", "groupBy": ["start"] }""");

        Assert.Equal(("$.outputs.tables[0].groupBy[0]", "'start' is not an output column of 'alpha.csv'"), Assert.Single(Errors(dir)));
    }

    [Fact]
    public void Load_GroupByAPseudonym_IsAnError()
    {
        using var dir = Tables("""{ "name": "t", "from": "alpha", "groupBy": ["person_pseudonym"] }""");

        var (path, message) = Assert.Single(Errors(dir));

        Assert.Equal("$.outputs.tables[0].groupBy[0]", path);
        Assert.StartsWith("'person_pseudonym' is a pseudonym", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MagnitudeColumnNotInTheFile_NamesThePath()
    {
        using var dir = Tables("""{ "name": "t", "from": "alpha", "groupBy": ["benefit"], "statistic": "sum", "column": "amont" }""");

        Assert.Equal(("$.outputs.tables[0].column", "'amont' is not an output column of 'alpha.csv'; did you mean 'amount'?"), Assert.Single(Errors(dir)));
    }

    [Fact]
    public void Load_SumWithoutColumn_AndCountWithOne_AreErrors()
    {
        using var dir = Tables("""
            { "name": "a", "from": "alpha", "groupBy": ["benefit"], "statistic": "sum" },
            { "name": "b", "from": "alpha", "groupBy": ["benefit"], "column": "amount" }
            """);

        var errors = Errors(dir);

        Assert.Equal(2, errors.Count);
        Assert.Contains(("$.outputs.tables[0].column", "statistic 'sum' needs the content column it is taken of"), errors);
        Assert.Contains(errors, e => e.Path == "$.outputs.tables[1].column" && e.Message.StartsWith("statistic 'count' counts rows and takes no column", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_SumOfAColumnThatIsAlsoAGrouping_IsAnError()
    {
        using var dir = Tables("""{ "name": "t", "from": "alpha", "groupBy": ["amount"], "statistic": "sum", "column": "amount" }""");

        Assert.Equal("$.outputs.tables[0].column", Assert.Single(Errors(dir)).Path);
    }

    [Fact]
    public void Load_FromNoOutputFile_ListsTheFilesAndSuggestsOne()
    {
        using var dir = Tables("""{ "name": "t", "from": "alpah", "groupBy": ["benefit"] }""");

        Assert.Equal(("$.outputs.tables[0].from", "'alpah' is not an output file's source or file name (one of: alpha, alpha.csv); did you mean 'alpha'?"), Assert.Single(Errors(dir)));
    }

    [Fact]
    public void Load_FromASourceWithTwoFiles_MustNameTheFile()
    {
        const string twoFiles = """
            "files": [ { "source": "alpha", "columns": [ { "column": "benefit" } ] },
                       { "source": "alpha", "fileName": "alpha-notes.csv", "columns": [ { "column": "note" } ] } ]
            """;
        using var dir = Tables("""
            { "name": "a", "from": "alpha", "groupBy": ["benefit"] },
            { "name": "b", "from": "alpha-notes.csv", "groupBy": ["note"] }
            """, twoFiles);

        Assert.Equal(("$.outputs.tables[0].from", "source 'alpha' has 2 output files; name one by its file name"), Assert.Single(Errors(dir)));
    }

    [Fact]
    public void Load_TwoTablesOfOneName_OrATableNamedLikeAFile_AreErrors()
    {
        using var dir = Tables("""
            { "name": "alpha", "from": "alpha", "groupBy": ["benefit"] },
            { "name": "alpha", "from": "alpha", "groupBy": ["note"] }
            """);

        var errors = Errors(dir);

        Assert.Contains(("$.outputs.tables[0].name", "the table's file 'alpha.csv' is also a de-identified file's name"), errors);
        Assert.Contains(("$.outputs.tables[1].name", "'alpha' names an earlier table too"), errors);
    }

    [Theory]
    [InlineData("""{ "name": "By Benefit", "from": "alpha", "groupBy": ["benefit"] }""", "$.outputs.tables[0].name")]
    [InlineData("""{ "name": "t", "from": "alpha", "groupBy": ["benefit", "benefit"] }""", "$.outputs.tables[0].groupBy[1]")]
    [InlineData("""{ "name": "t", "from": "alpha", "threshold": 0 }""", "$.outputs.tables[0].threshold")]
    [InlineData("""{ "name": "t", "from": "alpha", "round": 1 }""", "$.outputs.tables[0].round")]
    [InlineData("""{ "name": "t", "from": "alpha", "dominanceContributors": 0 }""", "$.outputs.tables[0].dominanceContributors")]
    [InlineData("""{ "name": "t", "from": "alpha", "dominancePercent": 0 }""", "$.outputs.tables[0].dominancePercent")]
    [InlineData("""{ "name": "t", "from": "alpha", "dominancePercent": 100.5 }""", "$.outputs.tables[0].dominancePercent")]
    [InlineData("""{ "name": "t", "from": "alpha", "pRatioPercent": -1 }""", "$.outputs.tables[0].pRatioPercent")]
    [InlineData("""{ "name": "t", "from": "alpha", "pRatioPercent": 101 }""", "$.outputs.tables[0].pRatioPercent")]
    public void Load_SettingOutOfRange_IsAnErrorAtItsPath(string table, string expectedPath)
    {
        using var dir = Tables(table);

        Assert.Equal(expectedPath, Assert.Single(Errors(dir)).Path);
    }

    [Theory]
    [InlineData("""{ "name": "t", "from": "alpha", "threshold": 1, "round": 2 }""")]
    [InlineData("""{ "name": "t", "from": "alpha", "dominanceContributors": 10, "dominancePercent": 100, "pRatioPercent": 0 }""")]
    public void Load_SettingAtItsLimit_IsValid(string table)
    {
        using var dir = Tables(table);

        OutputsConfig.LoadValid(dir);
    }

    [Fact]
    public void Load_SumOfATextColumn_IsAnErrorNamingTheFieldAndItsType()
    {
        using var dir = Tables("""{ "name": "t", "from": "alpha", "groupBy": ["benefit"], "statistic": "sum", "column": "note" }""");

        Assert.Equal(
            ("$.outputs.tables[0].column", "'note' is not a number in 'alpha.csv' (field 'note' of type 'string', transform 'keep'); statistic 'sum' needs a number field kept or top-coded"),
            Assert.Single(Errors(dir)));
    }

    [Fact]
    public void Load_MeanOfANumberMadeText_IsAnError_ButTopCodedItIsValid()
    {
        const string files = """
            "files": [ { "source": "alpha", "columns": [ { "column": "benefit" },
                { "column": "amount", "as": "band", "transform": "category", "groups": { "1": "low" }, "default": "high" },
                { "column": "amount", "as": "capped", "transform": "top-code", "maximum": 500 } ] } ]
            """;
        using var bad = Tables("""{ "name": "t", "from": "alpha", "groupBy": ["benefit"], "statistic": "mean", "column": "band" }""", files);
        using var good = Tables("""{ "name": "t", "from": "alpha", "groupBy": ["benefit"], "statistic": "mean", "column": "capped" }""", files);

        Assert.Equal("$.outputs.tables[0].column", Assert.Single(Errors(bad)).Path);
        OutputsConfig.LoadValid(good);
    }
}
