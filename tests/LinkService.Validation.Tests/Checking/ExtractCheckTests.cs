using LinkService.Validation.Checking;
using LinkService.Validation.Report;
using LinkService.Validation.Tests.Support;

namespace LinkService.Validation.Tests.Checking;

public sealed class ExtractCheckTests
{
    private const string SchemaJson = """
        { "fields": [
            { "name": "id", "constraints": { "required": true }, "linkage": { "role": "key" } },
            { "name": "amount", "type": "integer" } ],
          "primaryKey": ["id"] }
        """;

    private const int FailingRows = 50_000;

    /// <summary>A file of failing rows (here every row's key repeats; a gzip of blank lines is the worst case).</summary>
    private static string FailingFile(TempDirectory temp) =>
        temp.Write("d.csv", "id,amount\n" + string.Concat(Enumerable.Range(1, FailingRows).Select(i => $"{i},x\n")) + string.Concat(Enumerable.Range(1, FailingRows).Select(i => $"{i},1\n")));

    [Fact]
    public void Run_RowOfTwentyMillionEmptyFields_RejectedAtOnceNamingTheRowNotHoldingIt()
    {
        using var temp = new TempDirectory();
        var source = Schemas.Source(Schemas.Parse(SchemaJson));
        var path = temp.Write("d.csv", "id,amount\n1,2\n" + new string(',', 20_000_000) + "\n3,4\n");

        var result = new ExtractCheck(source, new ValidationOptions()).Run(path, CancellationToken.None);

        var error = Assert.Single(result.Report.Errors);
        Assert.Equal(ErrorTypes.ExtraCell, error.Type);
        Assert.Equal("a line holds more than 65,554 delimiters at row 2 (line 3), so reading stopped", error.Message);
        Assert.NotEmpty(result.Report.FatalReasons);
    }

    [Fact]
    public void Run_RejectingSource_CountsFailingRowsWithoutHoldingThem()
    {
        using var temp = new TempDirectory();
        var source = Schemas.Source(Schemas.Parse(SchemaJson));

        var result = new ExtractCheck(source, new ValidationOptions()).Run(FailingFile(temp), CancellationToken.None);
        var (outcome, reasons) = ToleranceDecision.Decide(result, source.ErrorTolerance);

        Assert.Empty(result.Report.SetAsideRows);
        Assert.Equal(ValidationOutcome.Rejected, outcome);
        Assert.StartsWith("at least 50,000 row(s) failed", Assert.Single(reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SetAsideSourceWithRowLimit_HoldsNoMoreRowsThanItCouldAccept()
    {
        using var temp = new TempDirectory();
        var source = Schemas.Source(Schemas.Parse(SchemaJson), """{ "schema": "test", "filePattern": "*.csv", "errorTolerance": { "mode": "set-aside", "maxRows": 10 } }""");

        var result = new ExtractCheck(source, new ValidationOptions()).Run(FailingFile(temp), CancellationToken.None);
        var (outcome, reasons) = ToleranceDecision.Decide(result, source.ErrorTolerance);

        Assert.True(result.Report.SetAsideRows.Count <= 11, $"{result.Report.SetAsideRows.Count} rows held");
        Assert.Equal(ValidationOutcome.Rejected, outcome);
        Assert.Contains(reasons, r => r.StartsWith("at least 50,000 row(s) failed, more than the 10 ", StringComparison.Ordinal));
    }
}
