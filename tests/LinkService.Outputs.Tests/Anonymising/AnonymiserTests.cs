using LinkService.Configuration.Keys;
using LinkService.Outputs.Anonymising;
using LinkService.Outputs.Pseudonyms;
using LinkService.Outputs.Tests.Support;
using LinkService.Testing;
using Microsoft.Extensions.Logging;

namespace LinkService.Outputs.Tests.Anonymising;

public sealed class AnonymiserTests : IDisposable
{
    private const string Outputs = """
        { "files": [ { "source": "alpha", "columns": [
            { "column": "benefit" },
            { "column": "dob", "as": "birth_year", "transform": "year-of-birth" },
            { "column": "postcode", "as": "district", "transform": "postcode-district" },
            { "column": "amount", "transform": "top-code", "maximum": 100 },
            { "column": "note" } ] } ] }
        """;

    private static readonly string[] Rows =
    [
        "A1,Ann,F,Smythe,SW1A 1AA,01/02/1980,JSA,2024-01-01,50,=HYPERLINK(\"http://x\")",
        "A2,Ann,F,Smythe,SW1A 2BB,01/02/1980,JSA,2024-02-01,150,-5 days",
        "A3,Bob,M,Jonas,M1 1AE,03/04/1990,ESA,2024-01-05,-3,fine",
        "A4,Cy,U,Quill,,,PIP,2024-01-07,,",
    ];

    private const string Links = "alpha,A1,E1,1\nbeta,B9,E1,0.99\nalpha,A2,E1,0.98\nalpha,A3,E2,0\nalpha,A4,E3,0\n";

    private readonly SmallRun _run = new(Outputs, Rows, Links, "study", "other");

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task AnonymiseAsync_WritesPseudonymsAndTransformedColumns_NeverAnIdentifier()
    {
        var (output, folder, _) = await _run.AnonymiseAsync("r1");

        var table = Assert.Single(output.Files);
        var text = File.ReadAllText(Path.Combine(folder, "alpha.csv"));
        var rows = SmallRun.ReadCsv(Path.Combine(folder, "alpha.csv"));
        Assert.Equal("person_pseudonym,record_pseudonym,benefit,birth_year,district,amount,note", string.Join(",", rows[0]));
        Assert.Equal(4, table.Rows);
        Assert.Equal(rows[0], table.Columns.Select(c => c.Name));
        Assert.All(table.Columns, c => Assert.False(string.IsNullOrWhiteSpace(c.Description)));
        var byDistrict = rows.Skip(1).ToDictionary(r => r[4] + "/" + r[5]);
        Assert.Equal(["JSA", "1980", "SW1A", "50"], byDistrict["SW1A/50"][2..6]);
        Assert.Equal(["JSA", "1980", "SW1A", "100"], byDistrict["SW1A/100"][2..6]);
        Assert.Equal(["ESA", "1990", "M1", "-3", "fine"], byDistrict["M1/-3"][2..7]);
        Assert.Equal(["PIP", "", "", "", ""], byDistrict["/"][2..7]);
        Assert.Equal(byDistrict["SW1A/50"][0], byDistrict["SW1A/100"][0]);
        Assert.NotEqual(byDistrict["SW1A/50"][0], byDistrict["M1/-3"][0]);
        foreach (var identifier in new[] { "A1", "A3", "Smythe", "Ann", "SW1A 1AA", "01/02/1980", "1AA" })
        {
            Assert.DoesNotContain(identifier, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnonymiseAsync_DeliveryRowTheLinkageMapLacks_FailsNamingTheDeliveryAndRowButNoValue()
    {
        // Read before the map is: the row is found missing only once both are read.
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => _run.AnonymiseAsync("r1", links: "alpha,A1,E1,1\nalpha,A2,E1,0.98\nalpha,A4,E3,0\n"));

        Assert.Equal("Delivery 'alpha-1', row 3: the record is not in the run's linkage map (links.csv); the run and its inputs do not belong together", error.Message);
    }

    [Fact]
    public async Task AnonymiseAsync_DeliveryWithoutAChosenColumn_WarnsThatTheColumnIsBlankThroughoutIt()
    {
        // A field the schema gained after the delivery was accepted (or one fieldsMatch lets a file leave out) made its
        // output column blank on every row of the delivery, published without a word (found by a fresh-eyes tester).
        using var run = new SmallRun(Outputs, "id,forename,sex,surname,postcode,dob,benefit,start,amount", [.. Rows.Select(r => r[..r.LastIndexOf(',')])], Links);
        using var logs = new CollectingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));

        var (_, folder, _) = await run.AnonymiseAsync("r1", logger: factory.CreateLogger<Anonymiser>());

        Assert.All(SmallRun.ReadCsv(Path.Combine(folder, "alpha.csv")).Skip(1), row => Assert.Equal("", row[6]));
        var warning = Assert.Single(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal));
        Assert.Equal(
            "Warning 8004 Run r1: column note of alpha.csv is blank on all 4 rows of delivery alpha-1, which has no column for field note (a field the schema gained after the delivery was accepted, or one its fieldsMatch lets a file leave out) ",
            warning);
    }

    [Fact]
    public async Task AnonymiseAsync_KeptTextOfSpacesOnly_IsWrittenAsDelivered()
    {
        // Content is kept as delivered: a cell of spaces is a value, not the blank an identifier's is to linkage (where
        // a name of spaces is no name). Pinned when the outputs were tried on the linkage's reading of a delivery.
        using var run = new SmallRun(Outputs, [.. Rows[..3], "A4,Cy,U,Quill,,,PIP,2024-01-07,,   "], Links);

        var (_, folder, _) = await run.AnonymiseAsync("r1");

        var rows = SmallRun.ReadCsv(Path.Combine(folder, "alpha.csv"));
        Assert.Equal("   ", Assert.Single(rows, r => r[2] == "PIP")[6]);
    }

    [Fact]
    public async Task AnonymiseAsync_CellQuotedOnOneRowAndBareOnAnother_IsWrittenAsOneValue()
    {
        // A cell met again is known by its bytes (RawCellIds): "JSA" and JSA are two byte strings of one value.
        using var run = new SmallRun(Outputs, [Rows[0], Rows[1].Replace(",JSA,", ",\"JSA\",", StringComparison.Ordinal), .. Rows[2..]], Links);

        var (_, folder, _) = await run.AnonymiseAsync("r1");

        var rows = SmallRun.ReadCsv(Path.Combine(folder, "alpha.csv"));
        Assert.Equal(2, rows.Count(r => r[2] == "JSA"));
        Assert.DoesNotContain(rows, r => r[2].Contains('"', StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnonymiseAsync_TextAFormulaWouldStartWith_IsNeutralisedButNumbersAreNot()
    {
        var (_, folder, _) = await _run.AnonymiseAsync("r1");

        var text = File.ReadAllText(Path.Combine(folder, "alpha.csv"));

        Assert.Contains(",\"'=HYPERLINK(\"\"http://x\"\")\"\r\n", text, StringComparison.Ordinal);
        Assert.Contains(",'-5 days\r\n", text, StringComparison.Ordinal);
        Assert.Contains(",-3,fine\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymiseAsync_SameInputsSameKey_WritesIdenticalBytesAndPersonMaps()
    {
        var (_, first, firstRun) = await _run.AnonymiseAsync("r1");
        var (_, second, secondRun) = await _run.AnonymiseAsync("r2");

        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "alpha.csv")), File.ReadAllBytes(Path.Combine(second, "alpha.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(firstRun, "persons.csv")), File.ReadAllBytes(Path.Combine(secondRun, "persons.csv")));
    }

    [Fact]
    public async Task AnonymiseAsync_TwoProjectsOverTheSameInputs_ShareNoPseudonym()
    {
        var (_, study, _) = await _run.AnonymiseAsync("r1", "study");
        var (_, other, _) = await _run.AnonymiseAsync("r1", "other");

        var a = SmallRun.ReadCsv(Path.Combine(study, "alpha.csv")).Skip(1).SelectMany(r => r[..2]).ToHashSet();
        var b = SmallRun.ReadCsv(Path.Combine(other, "alpha.csv")).Skip(1).SelectMany(r => r[..2]).ToHashSet();

        Assert.Equal(7, a.Count);
        Assert.Empty(a.Intersect(b));
    }

    [Fact]
    public async Task AnonymiseAsync_WithThePreviousRun_CarriesPersonPseudonymsForward()
    {
        var (_, _, firstRun) = await _run.AnonymiseAsync("r1");

        // A2 leaves A1's person and A3 joins it: A1 and B9 stay together, so that person keeps the pseudonym; A2 is new.
        var (_, second, secondRun) = await _run.AnonymiseAsync("r2", previousRun: "r1", links: "alpha,A1,E7,1\nbeta,B9,E7,1\nalpha,A3,E7,1\nalpha,A2,E8,0\nalpha,A4,E9,0\n");

        var before = PersonMap(firstRun);
        var after = PersonMap(secondRun);
        var pseudonyms = new Pseudonymiser(ProjectKeys.Pseudonyms(SmallRun.Master, "study"));
        Assert.Equal([before["alpha,A1"], before["alpha,A1"], before["alpha,A1"]], new[] { after["alpha,A1"], after["beta,B9"], after["alpha,A3"] });
        Assert.Equal(pseudonyms.Person("alpha", "A2", 0), after["alpha,A2"]);
        Assert.Equal(before["alpha,A4"], after["alpha,A4"]);
        var file = SmallRun.ReadCsv(Path.Combine(second, "alpha.csv")).Skip(1).ToDictionary(r => r[1], r => r[0]);
        Assert.Equal(after["alpha,A3"], file[pseudonyms.Record("alpha", "A3")]);
        Assert.Equal(after["alpha,A2"], file[pseudonyms.Record("alpha", "A2")]);
    }

    [Fact]
    public async Task AnonymiseAsync_PreviousRunWithoutAPersonMap_StartsAfreshAsAFirstRunWould()
    {
        var (_, _, firstRun) = await _run.AnonymiseAsync("r1");

        var (_, _, secondRun) = await _run.AnonymiseAsync("r2", previousRun: "before-outputs-existed");

        Assert.Equal(PersonMap(firstRun), PersonMap(secondRun));
    }

    private static Dictionary<string, string> PersonMap(string runFolder) =>
        File.ReadAllLines(Path.Combine(runFolder, "persons.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[0] + "," + c[1], c => c[2]);
}
