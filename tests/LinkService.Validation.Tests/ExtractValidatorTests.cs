using System.Text;
using LinkService.Validation.Report;
using LinkService.Validation.Tests.Support;

namespace LinkService.Validation.Tests;

public sealed class ExtractValidatorTests
{
    private const string SchemaJson = """
        { "fields": [
            { "name": "id", "constraints": { "required": true }, "linkage": { "role": "key" } },
            { "name": "surname", "linkage": { "role": "identifier", "canonical": "surname" } },
            { "name": "amount", "type": "integer" } ],
          "primaryKey": ["id"] }
        """;

    private const string SetAsideSource = """{ "schema": "test", "filePattern": "*.csv", "errorTolerance": { "mode": "set-aside" } }""";

    [Fact]
    public async Task ValidateAsync_AcceptedWithFailingRows_WritesTheirOriginalTextToTheRejectsFile()
    {
        using var temp = new TempDirectory();
        var bad = "2,\"Ann\r\nLee\",\"not a number\"\r\n";
        var path = temp.Write("d.csv", "id,surname,amount\r\n1,Ash,5\r\n" + bad + "3,Oak,7\r\n");
        var source = Schemas.Source(Schemas.Parse(SchemaJson), SetAsideSource);

        var report = await Validators.ValidateAsync(source, path, temp.File("rejects.csv"));

        Assert.Equal(ValidationOutcome.AcceptedWithSetAside, report.Outcome);
        Assert.Equal([2L], report.SetAsideRows);
        using var rejects = CsvHelper.CsvReader.Create(File.OpenRead(report.RejectsFile!), CsvHelper.CsvReaderOptions.Default with { Separator = ',' });
        Assert.True(rejects.Read());
        Assert.Equal(["2", "3", "type-error", bad.TrimEnd('\r', '\n')], rejects.Current.ToArray());
    }

    [Fact]
    public async Task ValidateAsync_RejectedDelivery_WritesNoRejectsFile()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("d.csv", "id,surname,amount\n1,Ash,x\n");
        var source = Schemas.Source(Schemas.Parse(SchemaJson));

        var report = await Validators.ValidateAsync(source, path, temp.File("rejects.csv"));

        Assert.Equal(ValidationOutcome.Rejected, report.Outcome);
        Assert.Null(report.RejectsFile);
        Assert.False(File.Exists(temp.File("rejects.csv")));
    }

    [Fact]
    public async Task ValidateAsync_DuplicatesBeyondTheKeyBudget_AreFoundSetAsideAndWritten()
    {
        using var temp = new TempDirectory();
        var text = new StringBuilder("id,surname,amount\n");
        for (var row = 1; row <= 150_000; row++)
        {
            text.Append(row == 150_000 ? 7 : row).Append(",Ash,1\n");
        }

        var path = temp.Write("d.csv", text.ToString());
        var source = Schemas.Source(Schemas.Parse(SchemaJson), SetAsideSource);
        var options = new ValidationOptions { KeyMemoryBudgetBytes = 1L << 20, TempDirectory = temp.Path };

        var report = await Validators.ValidateAsync(source, path, temp.File("rejects.csv"), options);

        Assert.Equal([150_000L], report.SetAsideRows);
        var error = Assert.Single(report.Errors);
        Assert.Equal(ErrorTypes.PrimaryKey, error.Type);
        Assert.Contains("repeats row 7", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("150000,150001,primary-key,", File.ReadAllLines(report.RejectsFile!)[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_TempFolderUnusable_ReportsAGeneralErrorAndRejects()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("d.csv", "id,surname,amount\n" + string.Concat(Enumerable.Range(1, 150_000).Select(i => $"{i},Ash,1\n")));
        var notAFolder = temp.Write("not-a-folder", "x");
        var source = Schemas.Source(Schemas.Parse(SchemaJson), SetAsideSource);
        var options = new ValidationOptions { KeyMemoryBudgetBytes = 1L << 20, TempDirectory = notAFolder };

        var report = await Validators.ValidateAsync(source, path, options: options);

        Assert.Equal(ValidationOutcome.Rejected, report.Outcome);
        Assert.Equal(ErrorTypes.General, Assert.Single(report.Errors).Type);
    }

    [Fact]
    public async Task ValidateAsync_Cancelled_Throws()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("d.csv", "id,surname,amount\n" + string.Concat(Enumerable.Range(1, 20_000).Select(i => $"{i},Ash,1\n")));
        var source = Schemas.Source(Schemas.Parse(SchemaJson));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Validators.Create().ValidateAsync(source, path, ValidationOutputs.None, cancelled.Token));
    }

    [Fact]
    public async Task ValidateAsync_MissingFile_ReportsASourceError()
    {
        using var temp = new TempDirectory();
        var source = Schemas.Source(Schemas.Parse(SchemaJson));

        var report = await Validators.ValidateAsync(source, temp.File("absent.csv"));

        Assert.Equal(ValidationOutcome.Rejected, report.Outcome);
        Assert.Equal(ErrorTypes.Source, Assert.Single(report.Errors).Type);
    }

    [Fact]
    public async Task ValidateAsync_ManyErrors_CountsAllButListsTheConfiguredNumber()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("d.csv", "id,surname,amount\n" + string.Concat(Enumerable.Range(1, 500).Select(i => $"{i},Ash,x\n")));
        var source = Schemas.Source(Schemas.Parse(SchemaJson));

        var report = await Validators.ValidateAsync(source, path, options: new ValidationOptions { MaxErrorsInReport = 10 });

        Assert.Equal(500, report.ErrorCounts[ErrorTypes.Type]);
        Assert.Equal(10, report.Errors.Count);
        Assert.True(report.ErrorsTruncated);
    }

    [Fact]
    public async Task ValidateAsync_Report_CarriesTheFakeClocksTime()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("d.csv", "id,surname,amount\n1,Ash,5\n");
        var source = Schemas.Source(Schemas.Parse(SchemaJson));

        var report = await Validators.ValidateAsync(source, path);

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero), report.StartedAt);
        Assert.True(report.IsValid);
    }
}
