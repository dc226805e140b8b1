using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LinkService.Linkage.Running;
using LinkService.Outputs.Disclosure;
using LinkService.Outputs.Stages;
using LinkService.Outputs.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LinkService.Outputs.Tests.Anonymising;

/// <summary>
/// The bytes of a whole output pinned: a generated delivery of 3,000 rows (record keys and cells with commas, quotes
/// and formula-like text, missing values, dates) and its linkage map, anonymised and checked in a first month and again
/// a month later with clusters split and merged. Any change to a pseudonym, the person map, an order, a transform, the
/// quoting or a table changes a digest: the output stages must write the same bytes however they are made.
/// </summary>
public sealed class PinnedOutputTests
{
    private const string Outputs = """
        { "files": [ { "source": "alpha", "columns": [
            { "column": "benefit" },
            { "column": "dob", "as": "birth_year", "transform": "year-of-birth" },
            { "column": "dob", "as": "age", "transform": "age-band", "bandWidth": 10, "atColumn": "start" },
            { "column": "postcode", "as": "district", "transform": "postcode-district" },
            { "column": "start", "as": "start_month", "transform": "month" },
            { "column": "amount", "transform": "top-code", "maximum": 400 },
            { "column": "note" } ],
            "kAnonymity": { "quasiIdentifiers": [ "birth_year", "district" ], "k": 3 } } ],
          "tables": [
            { "name": "by_benefit", "from": "alpha", "groupBy": [ "benefit", "start_month" ] },
            { "name": "amounts", "from": "alpha", "groupBy": [ "benefit" ], "statistic": "mean", "column": "amount" } ] }
        """;

    private static readonly string[] Benefits = ["JSA", "ESA", "PIP", "=SUM(A1)", "UC, legacy", "say \"hi\""];
    private static readonly string[] Notes = ["", "fine", "-5 days", "@home", "a, b", "\"quoted\"", "+1", "n/a"];
    private static readonly string[] Districts = ["SW1A", "M1", "B2", "LS6", "EH1"];

    [Fact]
    public async Task TwoMonths_WriteThePinnedBytes()
    {
        var random = new Random(20260301);
        var keys = Enumerable.Range(0, 3_000).Select(i => i % 97 == 0 ? $"K,{i}" : i % 89 == 0 ? $"Q\"{i}" : $"A{i:D5}").ToArray();
        using var run = new SmallRun(Outputs, [.. keys.Select(k => Row(k, random))], Links(keys, random, 1));

        var (first, firstFolder, firstRun) = await run.AnonymiseAsync("r1");
        var (second, secondFolder, secondRun) = await run.AnonymiseAsync("r2", previousRun: "r1", links: Links(keys, random, 2));
        await CheckAsync(run, first, firstFolder);

        Assert.Equal(
            [
                "r1 persons.csv 48eb385a668814ecb8267956a89f0af75ebe2d0c90194c3105183078cd893f41",
                "r1 alpha.csv 7d0ea55c49a76a9ffabb84a7654ec15552034cda9b94a6586fc46e533cc24f0e",
                "r1 by_benefit.csv 2d2143a39bce4c0260017f1ebb7d22b627f908d86d84542e2e706086cccc9833",
                "r1 amounts.csv e784a35b8fbea47bf9e9317890c4953dc8219f4f169ec0bcfe7145d08eb43bdf",
                "r1 disclosure-report.json 2b37cfb739fe01dba9f349d6479fb7cfb84525ea99e0a5f46dea733d3a4f7007",
                "r2 persons.csv 68dbc7e62f18c425831541384062b60c656873d27b003472af310e52378cb8cf",
                "r2 alpha.csv 08853a1bcb5ee4b3712a809109783d1f9754773974877ae3149f6e4cb50b74de",
            ],
            [
                Digest("r1", firstRun, PersonMapFile),
                Digest("r1", firstFolder, "alpha.csv"),
                Digest("r1", firstFolder, "by_benefit.csv"),
                Digest("r1", firstFolder, "amounts.csv"),
                Digest("r1", firstFolder, DisclosureFiles.ReportJson),
                Digest("r2", secondRun, PersonMapFile),
                Digest("r2", secondFolder, "alpha.csv"),
            ]);
        Assert.Equal(3_000, first.Files[0].Rows);
        Assert.Equal(3_000, second.Files[0].Rows);
    }

    private const string PersonMapFile = "persons.csv";

    private static async Task CheckAsync(SmallRun run, AnonymisedOutput output, string folder)
    {
        var project = run.Project("study");
        var checker = new DisclosureChecker(NullLogger<DisclosureChecker>.Instance, new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)));
        await checker.CheckAsync(new OutputRequest(project, "r1", folder, [], new byte[32], null), output, folder, TestContext.Current.CancellationToken);
    }

    private static string Digest(string run, string folder, string file) =>
        $"{run} {file} {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, file))))}";

    /// <summary>A row of SmallRun's schema: id, forename, sex, surname, postcode, dob, benefit, start, amount, note.</summary>
    private static string Row(string key, Random random)
    {
        var postcode = random.Next(8) == 0 ? "" : $"{Districts[random.Next(Districts.Length)]} {random.Next(1, 10)}AA";
        var dob = random.Next(10) == 0 ? "" : new DateOnly(1940, 1, 1).AddDays(random.Next(25_000)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var start = random.Next(12) == 0 ? "" : new DateOnly(2015, 1, 1).AddDays(random.Next(3_000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var amount = random.Next(9) == 0 ? "" : (random.Next(-5_000, 60_000) / 100m).ToString(CultureInfo.InvariantCulture);
        string[] cells = [key, "Ann", "F", "Smith", postcode, dob, Benefits[random.Next(Benefits.Length)], start, amount, Notes[random.Next(Notes.Length)]];
        return string.Join(",", cells.Select(CsvText.Field));
    }

    /// <summary>
    /// The linkage map: records in clusters of one to four, some with a record of source beta that no delivery holds;
    /// in month 2 a fifth of the clusters split in two and neighbouring singletons merge.
    /// </summary>
    private static string Links(string[] keys, Random random, int month)
    {
        var text = new StringBuilder();
        var entity = 0;
        for (var i = 0; i < keys.Length; entity++)
        {
            var size = Math.Min(random.Next(1, 5), keys.Length - i);
            var split = month == 2 && size > 1 && random.Next(5) == 0;
            for (var j = 0; j < size; j++)
            {
                var id = split && j >= size / 2 ? $"S{entity}" : month == 2 && size == 1 && entity % 7 == 1 ? $"E{entity - 1}" : $"E{entity}";
                text.Append(CultureInfo.InvariantCulture, $"alpha,{CsvText.Field(keys[i + j])},{id},0.9\n");
            }

            if (random.Next(6) == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"beta,B{entity},E{entity},1\n");
            }

            i += size;
        }

        return text.ToString();
    }
}
