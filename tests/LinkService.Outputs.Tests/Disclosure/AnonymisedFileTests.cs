using LinkService.Outputs.Anonymising;
using LinkService.Outputs.Disclosure;
using LinkService.Outputs.Stages;
using LinkService.Outputs.Tests.Support;
using LinkService.Outputs.Transforms;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LinkService.Outputs.Tests.Disclosure;

/// <summary>
/// The check takes a record file exactly as the anonymiser writes it: quoting, neutralised text, numbers; from the rows
/// the anonymiser kept as written, or read back from the file, to the same tables.
/// </summary>
public sealed class AnonymisedFileTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CheckAsync_FileWrittenByTheAnonymiser_BuildsItsTablesFromTheSameCells(bool asWritten)
    {
        using var dir = OutputsConfig.Create("""
            { "files": [ { "source": "alpha", "columns": [ { "column": "benefit" }, { "column": "amount" } ] } ],
              "tables": [ { "name": "counts", "from": "alpha", "groupBy": ["benefit"] },
                          { "name": "sums", "from": "alpha", "groupBy": ["benefit"], "statistic": "sum", "column": "amount" } ] }
            """);
        var catalog = OutputsConfig.LoadValid(dir);
        var project = catalog.Projects["study"];
        var spec = project.Outputs!.Files[0];
        var plans = spec.Columns.Select(c => ColumnPlan.Create(c, catalog.Sources["alpha"].SchemaOrThrow)).ToList();
        var rows = Enumerable.Range(0, 20)
            .Select(i => new OutputRow($"P{i % 10}", $"R{i}", [i < 10 ? "=cmd, \"quoted\"" : "plain", i < 10 ? "2.5" : "-1"]))
            .ToList();
        var folder = dir.Combine("output");
        Directory.CreateDirectory(folder);
        var cancellationToken = TestContext.Current.CancellationToken;
        var file = RecordFileWriter.Write(spec, plans, rows, "run-1", folder, cancellationToken);

        var checker = new DisclosureChecker(NullLogger<DisclosureChecker>.Instance, new FakeTimeProvider());
        var report = await checker.CheckAsync(new OutputRequest(project, "run-1", dir.Combine("run"), [], new byte[32], null), asWritten ? AnonymisedOutput.Of([file]) : new AnonymisedOutput([file.Table]), folder, cancellationToken);

        Assert.Equal(DisclosureVerdict.Pass, report.Verdict);
        Assert.Equal(["benefit,count", "\"'=cmd, \"\"quoted\"\"\",10", "plain,10"], File.ReadAllLines(Path.Combine(folder, "counts.csv")));
        Assert.Equal(["benefit,amount_sum", "\"'=cmd, \"\"quoted\"\"\",25", "plain,-10"], File.ReadAllLines(Path.Combine(folder, "sums.csv")));
    }
}
