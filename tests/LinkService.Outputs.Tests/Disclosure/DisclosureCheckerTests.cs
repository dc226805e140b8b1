using System.Text.Json;
using LinkService.Outputs.Disclosure;
using LinkService.Outputs.Stages;
using LinkService.Outputs.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LinkService.Outputs.Tests.Disclosure;

public sealed class DisclosureCheckerTests
{
    private const string Files = """
        "files": [ { "source": "alpha", "columns": [ { "column": "benefit" }, { "column": "note" }, { "column": "amount" } ] } ]
        """;

    // Labels and values no finding or report may show.
    private const string Common = "jobseeker-LABEL";
    private const string Rare = "carer-LABEL";

    private static async Task<(DisclosureReport Report, string Folder)> CheckAsync(TempDirectory dir, Func<string, OutputTable> write)
    {
        var project = OutputsConfig.LoadValid(dir).Projects["study"];
        var folder = dir.Combine("output");
        Directory.CreateDirectory(folder);
        var output = new AnonymisedOutput([write(folder)]);
        var checker = new DisclosureChecker(NullLogger<DisclosureChecker>.Instance, new FakeTimeProvider());
        var request = new OutputRequest(project, "run-7", dir.Combine("run"), [], new byte[32], null);
        var report = await checker.CheckAsync(request, output, folder, TestContext.Current.CancellationToken);
        return (report, folder);
    }

    private static TempDirectory Config(string tables) => OutputsConfig.Create($$"""{ {{Files}}, "tables": [ {{tables}} ] }""");

    // Twelve persons on the common benefit (one of them twice), three on the rare one.
    private static OutputTable Benefits(string folder, KAnonymityFigures? k = null) =>
        RecordFiles.Write(folder, "alpha.csv", ["benefit", "note", "amount"],
        [
            .. RecordFiles.Persons("c", 12, Common, "x", "1234.56"),
            ("P-c-1", [Common, "y", "1234.56"]),
            .. RecordFiles.Persons("r", 3, Rare, "x", "987.65"),
        ], k);

    [Fact]
    public async Task CheckAsync_CountTable_WritesTheReleasedTableWithSmallCellsBlank()
    {
        using var dir = Config("""{ "name": "by-benefit", "from": "alpha", "groupBy": ["benefit"] }""");

        var (report, folder) = await CheckAsync(dir, f => Benefits(f));

        Assert.Equal(
            ["benefit,count", $"{Rare},", $"{Common},13"],
            File.ReadAllLines(Path.Combine(folder, "by-benefit.csv")));
        var table = Assert.Single(report.Tables);
        Assert.Equal("by-benefit.csv", table.FileName);
        Assert.Equal(2, table.Rows);
        Assert.Null(table.KAnonymity);
        Assert.Equal(["benefit", "count"], table.Columns.Select(c => c.Name));
        Assert.Equal(["string", "integer"], table.Columns.Select(c => c.Type));
        Assert.Equal("the benefit", table.Columns[0].Description);
        Assert.Contains("fewer than 10 persons", table.Columns[1].Description, StringComparison.Ordinal);
        Assert.Equal(DisclosureVerdict.Pass, report.Verdict);
        Assert.Contains(report.Findings, f => f.Subject == "by-benefit.csv" && f.Rule == DisclosureRules.Threshold
            && f.Reason == "1 of 2 cells with rows describe fewer than 10 persons; suppressed in the released table");
    }

    [Fact]
    public async Task CheckAsync_WritesBothReportsWithTheVerdictOfEachSubject()
    {
        using var dir = Config("""{ "name": "by-benefit", "from": "alpha", "groupBy": ["benefit", "note"] }""");

        var (report, folder) = await CheckAsync(dir, f => Benefits(f));

        // The rare benefit has no row with note 'y': a zero cell, for review.
        Assert.Equal(DisclosureVerdict.Review, report.Verdict);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, DisclosureFiles.ReportJson), TestContext.Current.CancellationToken));
        Assert.Equal("review", json.RootElement.GetProperty("verdict").GetString());
        Assert.Equal("study", json.RootElement.GetProperty("project").GetString());
        Assert.Equal("run-7", json.RootElement.GetProperty("run").GetString());
        var subjects = json.RootElement.GetProperty("subjects").EnumerateArray().ToDictionary(s => s.GetProperty("subject").GetString()!, s => s.GetProperty("verdict").GetString());
        Assert.Equal("pass", subjects["alpha.csv"]);
        Assert.Equal("review", subjects["by-benefit.csv"]);
        Assert.Equal(report.Findings.Count, json.RootElement.GetProperty("findings").GetArrayLength());
        var text = await File.ReadAllTextAsync(Path.Combine(folder, DisclosureFiles.ReportText), TestContext.Current.CancellationToken);
        Assert.Contains("**Verdict: review**", text, StringComparison.Ordinal);
        Assert.Contains("| by-benefit.csv | zeros | review | 1 of 4 cells is zero;", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_NoGroupLabelPseudonymOrValue_AppearsInAnyFindingOrReport()
    {
        using var dir = Config("""
            { "name": "counts", "from": "alpha", "groupBy": ["benefit", "note"] },
            { "name": "sums", "from": "alpha", "groupBy": ["benefit"], "statistic": "sum", "column": "amount" },
            { "name": "means", "from": "alpha.csv", "groupBy": ["note"], "statistic": "mean", "column": "amount", "suppress": false }
            """);

        var (report, folder) = await CheckAsync(dir, f => Benefits(f, new KAnonymityFigures(5, ["benefit"], 1, 3, 0, 13)));

        string[] secrets = [Common, Rare, "LABEL", "P-c-", "P-r-", "1234", "987", "16049"];
        var reports = new[] { DisclosureFiles.ReportJson, DisclosureFiles.ReportText }
            .Select(f => File.ReadAllText(Path.Combine(folder, f))).ToList();
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(report.Findings, f => f.Reason.Contains(secret, StringComparison.Ordinal) || f.Subject.Contains(secret, StringComparison.Ordinal));
            Assert.All(reports, r => Assert.DoesNotContain(secret, r, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task CheckAsync_FailingTable_IsNotWritten_AndTheOutputFails()
    {
        using var dir = Config("""{ "name": "strict", "from": "alpha", "groupBy": ["benefit"], "suppress": false }""");

        var (report, folder) = await CheckAsync(dir, f => Benefits(f));

        Assert.Equal(DisclosureVerdict.Fail, report.Verdict);
        Assert.Empty(report.Tables);
        Assert.False(File.Exists(Path.Combine(folder, "strict.csv")));
        Assert.True(File.Exists(Path.Combine(folder, DisclosureFiles.ReportJson)));
    }

    [Fact]
    public async Task CheckAsync_KAnonymityBelowK_FailsTheOutput()
    {
        using var dir = OutputsConfig.Create($$"""{ {{Files}} }""");

        var (report, _) = await CheckAsync(dir, f => Benefits(f, new KAnonymityFigures(5, ["benefit"], 1, 0, 0, 3)));

        var finding = Assert.Single(report.Findings);
        Assert.Equal(DisclosureVerdict.Fail, finding.Verdict);
        Assert.Equal(DisclosureVerdict.Fail, report.Verdict);
    }

    [Fact]
    public async Task CheckAsync_ColumnAbsentFromTheFile_FailsTheTableNamingTheColumn()
    {
        using var dir = Config("""{ "name": "by-note", "from": "alpha", "groupBy": ["note"] }""");

        var (report, folder) = await CheckAsync(dir, f => RecordFiles.Write(f, "alpha.csv", ["benefit"], RecordFiles.Persons("c", 12, Common)));

        var finding = Assert.Single(report.Findings, f => f.Subject == "by-note.csv");
        Assert.Equal(DisclosureVerdict.Fail, finding.Verdict);
        Assert.Equal("the table could not be built: column 'note' is not in its file 'alpha.csv'", finding.Reason);
        Assert.False(File.Exists(Path.Combine(folder, "by-note.csv")));
    }

    [Fact]
    public async Task CheckAsync_ValuesThatAreNotNumbers_FailTheTableWithTheirCount()
    {
        using var dir = Config("""{ "name": "sums", "from": "alpha", "groupBy": ["benefit"], "statistic": "sum", "column": "amount" }""");

        var (report, _) = await CheckAsync(dir, f => RecordFiles.Write(f, "alpha.csv", ["benefit", "note", "amount"],
            [.. RecordFiles.Persons("c", 10, Common, "x", "12"), .. RecordFiles.Persons("d", 2, Common, "x", "about 5")]));

        var finding = Assert.Single(report.Findings, f => f.Subject == "sums.csv");
        Assert.Equal("the table could not be built: 2 values of column 'amount' are not numbers a total can hold (finite, at most 28 digits)", finding.Reason);
        Assert.Empty(report.Tables);
    }

    [Fact]
    public async Task CheckAsync_SumTable_TotalsTheColumnAndTypesItAsANumber()
    {
        using var dir = Config("""{ "name": "sums", "from": "alpha", "groupBy": ["benefit"], "statistic": "sum", "column": "amount", "round": 5 }""");

        var (report, folder) = await CheckAsync(dir, f => RecordFiles.Write(f, "alpha.csv", ["benefit", "note", "amount"],
            [.. RecordFiles.Persons("c", 10, Common, "x", "10.25"), ("P-c-1", [Common, "x", ""])]));

        Assert.Equal(["benefit,amount_sum", $"{Common},105"], File.ReadAllLines(Path.Combine(folder, "sums.csv")));
        Assert.Equal("number", Assert.Single(report.Tables).Columns[1].Type);
        Assert.Equal(DisclosureVerdict.Pass, report.Verdict);
    }

    [Fact]
    public async Task CheckAsync_TableFromAFileTheAnonymiserDidNotWrite_FailsSayingSo()
    {
        using var dir = Config("""{ "name": "by-benefit", "from": "alpha", "groupBy": ["benefit"] }""");

        var (report, _) = await CheckAsync(dir, f => Benefits(f) with { FileName = "other.csv" });

        var finding = Assert.Single(report.Findings, f => f.Subject == "by-benefit.csv");
        Assert.Equal(DisclosureVerdict.Fail, finding.Verdict);
        Assert.Equal("the table could not be built: it is taken from 'alpha', which is not among the de-identified files written", finding.Reason);
    }

    [Fact]
    public async Task CheckAsync_FileDescribedButMissingFromTheFolder_FailsTheTable()
    {
        using var dir = Config("""{ "name": "by-benefit", "from": "alpha", "groupBy": ["benefit"] }""");

        var (report, _) = await CheckAsync(dir, f =>
        {
            var table = Benefits(f);
            File.Delete(Path.Combine(f, table.FileName));
            return table;
        });

        Assert.Equal("the table could not be built: its file 'alpha.csv' is not in the output", Assert.Single(report.Findings, f => f.Subject == "by-benefit.csv").Reason);
    }

    [Fact]
    public async Task CheckAsync_SameInputsTwice_WritesTheSameBytes()
    {
        const string tables = """
            { "name": "counts", "from": "alpha", "groupBy": ["benefit", "note"], "round": 5 },
            { "name": "sums", "from": "alpha", "groupBy": ["benefit"], "statistic": "mean", "column": "amount" }
            """;
        using var first = Config(tables);
        using var second = Config(tables);

        var (_, one) = await CheckAsync(first, f => Benefits(f));
        var (_, two) = await CheckAsync(second, f => Benefits(f));

        foreach (var name in new[] { "counts.csv", "sums.csv", DisclosureFiles.ReportJson, DisclosureFiles.ReportText })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(one, name)), File.ReadAllBytes(Path.Combine(two, name)));
        }
    }

    [Fact]
    public async Task AddDisclosureChecks_RegistersTheChecker()
    {
        var services = new ServiceCollection().AddSingleton(typeof(ILogger<>), typeof(NullLogger<>)).AddDisclosureChecks();
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<DisclosureChecker>(provider.GetRequiredService<IDisclosureChecker>());
    }
}
