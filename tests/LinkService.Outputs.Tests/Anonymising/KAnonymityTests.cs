using LinkService.Outputs.Tests.Support;

namespace LinkService.Outputs.Tests.Anonymising;

public sealed class KAnonymityTests
{
    // Classes over (benefit, district): JSA/SW1A 4 rows, ESA/M1 3 rows, ESA/SW1A 1 row, PIP/M1 1 row.
    private static readonly string[] Rows =
    [
        "A1,A,F,S,SW1A 1AA,01/01/1980,JSA,2024-01-01,1,",
        "A2,A,F,S,SW1A 1AB,01/01/1980,JSA,2024-01-01,2,",
        "A3,A,F,S,SW1A 1AD,01/01/1980,JSA,2024-01-01,3,",
        "A4,A,F,S,SW1A 1AE,01/01/1980,JSA,2024-01-01,4,",
        "A5,A,F,S,M1 1AA,01/01/1980,ESA,2024-01-01,5,",
        "A6,A,F,S,M1 1AB,01/01/1980,ESA,2024-01-01,6,",
        "A7,A,F,S,M1 1AD,01/01/1980,ESA,2024-01-01,7,",
        "A8,A,F,S,SW1A 2AA,01/01/1980,ESA,2024-01-01,8,",
        "A9,A,F,S,M1 2AA,01/01/1980,PIP,2024-01-01,9,",
    ];

    private static readonly string Links = string.Concat(Enumerable.Range(1, 9).Select(i => $"alpha,A{i},E{i},0\n"));

    [Theory]
    [InlineData(3, 2, 2, 2)]
    [InlineData(4, 3, 5, 4)]
    [InlineData(5, 4, 9, 9)]
    [InlineData(2, 2, 2, 2)]
    public async Task Suppress_BlanksTheQuasiIdentifiersOfRowsInSmallClasses(int k, long classesBelow, long suppressed, long smallestAfter)
    {
        using var run = new SmallRun(Outputs(k, "suppress"), Rows, Links);

        var (output, folder, _) = await run.AnonymiseAsync("r1");

        var figures = Assert.Single(output.Files).KAnonymity!;
        Assert.Equal((classesBelow, suppressed, 0L, smallestAfter), (figures.ClassesBelowK, figures.RowsSuppressed, figures.RowsDropped, figures.SmallestClassAfter));
        var rows = SmallRun.ReadCsv(Path.Combine(folder, "alpha.csv")).Skip(1).ToList();
        Assert.Equal(9, rows.Count);
        Assert.Equal(suppressed, rows.Count(r => r[2] == "" && r[3] == ""));
        Assert.All(rows, r => Assert.NotEqual("", r[4]));
    }

    [Theory]
    [InlineData(3, 2, 2, 3)]
    [InlineData(4, 3, 5, 4)]
    [InlineData(5, 4, 9, 0)]
    public async Task Drop_LeavesRowsInSmallClassesOut(int k, long classesBelow, long dropped, long smallestAfter)
    {
        using var run = new SmallRun(Outputs(k, "drop"), Rows, Links);

        var (output, folder, _) = await run.AnonymiseAsync("r1");

        var table = Assert.Single(output.Files);
        var figures = table.KAnonymity!;
        Assert.Equal((classesBelow, 0L, dropped, smallestAfter), (figures.ClassesBelowK, figures.RowsSuppressed, figures.RowsDropped, figures.SmallestClassAfter));
        Assert.Equal(9 - dropped, table.Rows);
        Assert.Equal(9 - dropped, SmallRun.ReadCsv(Path.Combine(folder, "alpha.csv")).Length - 1);
    }

    private static string Outputs(int k, string action) => $$"""
        { "files": [ { "source": "alpha", "columns": [
            { "column": "benefit" }, { "column": "postcode", "as": "district", "transform": "postcode-district" }, { "column": "amount" } ],
          "kAnonymity": { "quasiIdentifiers": ["benefit", "district"], "k": {{k}}, "action": "{{action}}" } } ] }
        """;
}
