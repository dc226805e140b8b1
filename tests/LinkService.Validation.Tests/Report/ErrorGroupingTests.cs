using System.Text;
using LinkService.Validation.Report;
using LinkService.Validation.Tests.Support;

namespace LinkService.Validation.Tests.Report;

/// <summary>Row errors grouped by field and problem, the layout of consistently misformatted dates, and the complete list.</summary>
public sealed class ErrorGroupingTests : IDisposable
{
    private const string SchemaJson = """
        { "fields": [
            { "name": "id", "constraints": { "required": true }, "linkage": { "role": "key" } },
            { "name": "date_of_birth", "type": "date", "format": "%d/%m/%Y", "linkage": { "role": "identifier", "canonical": "date_of_birth" } },
            { "name": "offence_group", "constraints": { "enum": ["VIOLENCE", "THEFT"] } } ] }
        """;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ValidateAsync_IsoDatesInADayFirstField_OneLineCountingThemAndNamingTheirLayout()
    {
        var report = await ValidateAsync(Rows(2_988, r => $"{r},19{r % 90 + 10:D2}-0{r % 9 + 1}-1{r % 9},THEFT").Concat(Rows(3, r => $"x{r},01/02/1990,THEFT")));

        var group = Assert.Single(report.ErrorGroups);
        Assert.Equal(("date_of_birth", 2_988L, "yyyy-mm-dd"), (group.Field, group.Rows, group.LooksLike));
        Assert.Contains("date_of_birth: 2,988 rows are not dd/mm/yyyy; they look like yyyy-mm-dd (rows 1, 2, 3, 4, 5, …)", report.ToSummaryText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_MonthFirstDatesInADayFirstField_TheyLookLikeMonthFirst()
    {
        var report = await ValidateAsync(Rows(40, r => $"{r},{r % 12 + 1:D2}/{r % 15 + 13}/1980,THEFT"));

        Assert.Contains("date_of_birth: 40 rows are not dd/mm/yyyy; they look like mm/dd/yyyy", report.ToSummaryText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_DatesInMixedLayouts_NoLayoutClaimed()
    {
        var report = await ValidateAsync(Rows(10, r => $"{r},1980-01-0{r % 9 + 1},THEFT").Concat(Rows(10, r => $"y{r},19800101,THEFT")));

        Assert.Null(Assert.Single(report.ErrorGroups).LooksLike);
        Assert.Contains("date_of_birth: 20 rows are not dd/mm/yyyy (rows", report.ToSummaryText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_TwoProblems_OneGroupEachMostRowsFirst()
    {
        var report = await ValidateAsync(Rows(7, r => $"{r},1980-01-01,THEFT").Concat(Rows(1, r => $"z{r},01/01/1980,FRAUD")));

        Assert.Equal(
            [("date_of_birth", 7L), ("offence_group", 1L)],
            report.ErrorGroups.Select(g => (g.Field!, g.Rows)));
        Assert.Contains("offence_group: 1 row is not one of the allowed values (VIOLENCE, THEFT) (row 8)", report.ToSummaryText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_LongList_EveryErrorInTheCompanionAndNoValueAnywhere()
    {
        // Distinctive values in an identifier field and in a content field: neither may appear in any output.
        var report = await ValidateAsync(
            Rows(500, r => $"{r},1980-07-{r % 28 + 1:D2},THEFT").Concat(Rows(300, r => $"q{r},01/01/1980,QUIBBLEFRAUD{r}")),
            errors: _temp.File("errors.csv"));

        Assert.Equal(_temp.File("errors.csv"), report.ErrorsFile);
        var lines = await File.ReadAllLinesAsync(report.ErrorsFile!, TestContext.Current.CancellationToken);
        Assert.Equal("row,line,field,column,error_type,problem", lines[0]);
        Assert.Equal(800, lines.Length - 1);
        Assert.Null(report.ErrorsFileStopsAt);
        Assert.Equal(Enumerable.Range(1, 800).Select(r => (long)r), lines.Skip(1).Select(l => long.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("1,2,date_of_birth,2,type-error,is not dd/mm/yyyy", lines[1]);
        var outputs = Encoding.UTF8.GetBytes(report.ToSummaryText() + report.ToJson()).Concat(await File.ReadAllBytesAsync(report.ErrorsFile!, TestContext.Current.CancellationToken)).ToArray();
        Assert.Equal(-1, outputs.AsSpan().IndexOf("1980-07-"u8));
        Assert.Equal(-1, outputs.AsSpan().IndexOf("QUIBBLEFRAUD"u8));
    }

    [Fact]
    public async Task ValidateAsync_MoreRowErrorsThanTheListMayHold_TheFirstListedAndEveryOneCounted()
    {
        var report = await ValidateAsync(
            Rows(800, r => $"{r},1980-07-01,THEFT"),
            errors: _temp.File("errors.csv"),
            new ValidationOptions { MaxErrorsListed = 100 });

        var lines = await File.ReadAllLinesAsync(report.ErrorsFile!, TestContext.Current.CancellationToken);
        Assert.Equal(Enumerable.Range(1, 100).Select(r => (long)r), lines.Skip(1).Select(l => long.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(100, report.ErrorsFileStopsAt);
        Assert.Equal(800, report.ErrorCounts.Values.Sum());
    }

    [Fact]
    public async Task ValidateAsync_ShortList_NoCompanionLeft()
    {
        var report = await ValidateAsync(Rows(5, r => $"{r},1980-01-01,THEFT"), errors: _temp.File("errors.csv"));

        Assert.Null(report.ErrorsFile);
        Assert.False(File.Exists(_temp.File("errors.csv")));
        Assert.Contains("(rows 1, 2, 3, 4, 5)", report.ToSummaryText(), StringComparison.Ordinal);
    }

    private static IEnumerable<string> Rows(int count, Func<int, string> row) => Enumerable.Range(1, count).Select(row);

    [Fact]
    public async Task ValidateAsync_SymbolicLinkWhereTheErrorListGoes_ReplacedNotWrittenThrough()
    {
        var elsewhere = _temp.Write("ledger.db", "not an error list");
        var errors = _temp.File("errors.csv");
        File.CreateSymbolicLink(errors, elsewhere);

        var report = await ValidateAsync(Rows(800, r => $"{r},1980-07-01,THEFT"), errors);

        Assert.Equal(errors, report.ErrorsFile);
        Assert.Equal("not an error list", await File.ReadAllTextAsync(elsewhere, TestContext.Current.CancellationToken));
        Assert.Null(new FileInfo(errors).LinkTarget);
        Assert.StartsWith(ErrorListWriter.Header + "\n", await File.ReadAllTextAsync(errors, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private async Task<ValidationReport> ValidateAsync(IEnumerable<string> rows, string? errors = null, ValidationOptions? options = null)
    {
        var path = _temp.Write("d.csv", "id,date_of_birth,offence_group\n" + string.Concat(rows.Select(r => r + "\n")));
        var source = Schemas.Source(Schemas.Parse(SchemaJson));
        return await Validators.Create(options).ValidateAsync(source, path, new ValidationOutputs(null, null, errors), CancellationToken.None);
    }
}
