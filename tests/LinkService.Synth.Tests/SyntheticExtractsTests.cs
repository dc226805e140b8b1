using LinkService.Synth.Tests.Support;

namespace LinkService.Synth.Tests;

public sealed class SyntheticExtractsTests : IClassFixture<GeneratedExtracts>
{
    private readonly GeneratedExtracts _generated;

    public SyntheticExtractsTests(GeneratedExtracts generated) => _generated = generated;

    [Fact]
    public void WriteAsync_DefaultConfiguration_WritesOneFileMatchingEachSourcePatternInItsFolder()
    {
        Assert.Equal(["justice", "welfare"], _generated.Result.Files.Select(f => f.Source).Order());
        foreach (var file in _generated.Result.Files)
        {
            Assert.Equal(Path.Combine(_generated.Directory, file.Source), Path.GetDirectoryName(file.Path));
            Assert.True(GeneratedExtracts.Source(file.Source).MatchesFileName(Path.GetFileName(file.Path)), file.Path);
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(file.Path)!));
            Assert.Equal(new FileInfo(file.Path).Length, file.Bytes);
        }

        Assert.Equal(Path.Combine(_generated.Directory, "truth.csv"), _generated.Result.TruthPath);
        Assert.Equal([_generated.Result.TruthPath], Directory.GetFiles(_generated.Directory));
    }

    [Fact]
    public void WriteAsync_DefaultConfiguration_EveryRowIsValidAgainstItsSchema()
    {
        foreach (var (source, rows) in _generated.Rows)
        {
            var schema = GeneratedExtracts.Source(source).SchemaOrThrow;
            Assert.Equal(schema.Fields.Select(f => f.Name), rows[0]);
            var problems = ExtractChecker.Problems(schema, rows.Skip(1).ToList());
            Assert.True(problems.Count == 0, $"{source}: {problems.Count} problems, first: {string.Join("; ", problems.Take(5))}");
        }
    }

    [Fact]
    public void WriteAsync_DefaultConfiguration_TruthListsEveryRecordExactlyOnce()
    {
        Assert.Equal(["source", "record_id", "person_id", "variations"], _generated.Truth[0]);
        foreach (var file in _generated.Result.Files)
        {
            var keyField = GeneratedExtracts.Source(file.Source).SchemaOrThrow.KeyField!.Name;
            var keys = _generated.Records[file.Source].Select(r => r[keyField]).Order(StringComparer.Ordinal);
            var truthKeys = _generated.Truth.Skip(1).Where(t => t[0] == file.Source).Select(t => t[1]).Order(StringComparer.Ordinal);
            Assert.Equal(keys, truthKeys);
            Assert.Equal(file.Records, _generated.Records[file.Source].Count);
        }

        Assert.All(_generated.Truth.Skip(1), t => Assert.InRange(long.Parse(t[2], System.Globalization.CultureInfo.InvariantCulture), 0, GeneratedExtracts.People - 1));
    }

    [Fact]
    public void WriteAsync_DefaultShares_JusticeHoldsAThirdWelfareMostAndMostOffendersAreInBoth()
    {
        var justice = _generated.PersonOf("justice").Values.ToHashSet(StringComparer.Ordinal);
        var welfare = _generated.PersonOf("welfare").Values.ToHashSet(StringComparer.Ordinal);

        Assert.InRange(justice.Count / (double)GeneratedExtracts.People, 0.28, 0.32);
        Assert.InRange(welfare.Count / (double)GeneratedExtracts.People, 0.88, 0.92);
        Assert.InRange(justice.Count(welfare.Contains) / (double)justice.Count, 0.75, 0.85);
    }

    [Fact]
    public void WriteAsync_Justice_HoldsAliasesForAboutOnePersonInTwelve()
    {
        var records = _generated.PersonOf("justice").GroupBy(p => p.Value, StringComparer.Ordinal).ToList();

        var withAliases = records.Count(g => g.Count() > 1) / (double)records.Count;
        Assert.InRange(withAliases, 0.065, 0.095);
        Assert.InRange(_generated.Records["justice"].Count / (double)records.Count, 1.08, 1.14);
    }

    [Fact]
    public void WriteAsync_Welfare_HoldsSeveralClaimsForSomePeople()
    {
        var claims = _generated.PersonOf("welfare").GroupBy(p => p.Value, StringComparer.Ordinal).Select(g => g.Count()).ToList();

        Assert.InRange(claims.Count(c => c > 1) / (double)claims.Count, 0.2, 0.3);
        Assert.Contains(claims, c => c >= 4);
    }

    [Fact]
    public void WriteAsync_PeopleInBoth_AgreeOnMostIdentifiersButNotAll()
    {
        var pairs = FirstRecordOfEachPersonInBoth();
        double Agree(Func<Dictionary<string, string>, Dictionary<string, string>, bool> same) =>
            pairs.Count(p => same(p.Justice, p.Welfare)) / (double)pairs.Count;

        Assert.Equal(GeneratedExtracts.People * 30 / 100 * 8 / 10, pairs.Count);
        Assert.InRange(Agree((j, w) => string.Equals(j["surname"], w["last_name"], StringComparison.OrdinalIgnoreCase)), 0.90, 0.97);
        Assert.InRange(Agree((j, w) => j["forenames"].Split(' ')[0] == w["first_name"]), 0.83, 0.93);
        Assert.InRange(Agree((j, w) => IsoBirthDate(j) == w["birth_date"]), 0.95, 0.99);
        Assert.InRange(Agree((j, w) => j["postcode"].Length > 0 && j["postcode"] == w["postcode"]), 0.58, 0.70);
        var withNi = pairs.Where(p => p.Justice["ni_number"].Length > 0 && p.Welfare["nino"].Length > 0).ToList();
        Assert.InRange(withNi.Count(p => p.Justice["ni_number"].Replace(" ", "", StringComparison.Ordinal) == p.Welfare["nino"]) / (double)withNi.Count, 0.98, 1.0);
    }

    [Fact]
    public void WriteAsync_Surnames_IncludeCommonOnesManyTimesAndRareOnesOnce()
    {
        var counts = _generated.Records["welfare"].GroupBy(r => r["last_name"], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        Assert.InRange(counts["Smith"] / (double)_generated.Records["welfare"].Count, 0.007, 0.015);
        Assert.True(counts.Count(c => c.Value == 1) > 2_000, "many surnames appear once");
    }

    [Fact]
    public void WriteAsync_Justice_WritesSurnamesInCapitalsAndSomeNiNumbersSpaced()
    {
        var justice = _generated.Records["justice"];

        Assert.All(justice, r => Assert.Equal(r["surname"].ToUpperInvariant(), r["surname"]));
        Assert.Contains(justice, r => r["ni_number"].Contains(' ', StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_SameSeed_WritesIdenticalBytes()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        var options = new SynthOptions { People = 3_000, Seed = 42 };

        var a = await SyntheticExtracts.WriteAsync(DefaultConfig.Catalog, first.Path, options, CancellationToken.None);
        var b = await SyntheticExtracts.WriteAsync(DefaultConfig.Catalog, second.Path, options, CancellationToken.None);

        Assert.Equal(a.Files.Select(f => Path.GetRelativePath(first.Path, f.Path)), b.Files.Select(f => Path.GetRelativePath(second.Path, f.Path)));
        foreach (var (x, y) in a.Files.Zip(b.Files))
        {
            Assert.Equal(await File.ReadAllBytesAsync(x.Path, TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(y.Path, TestContext.Current.CancellationToken));
        }

        Assert.Equal(await File.ReadAllBytesAsync(a.TruthPath, TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(b.TruthPath, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task WriteAsync_DifferentSeed_WritesDifferentData()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        var a = await SyntheticExtracts.WriteAsync(DefaultConfig.Catalog, first.Path, new SynthOptions { People = 2_000, Seed = 1 }, CancellationToken.None);
        var b = await SyntheticExtracts.WriteAsync(DefaultConfig.Catalog, second.Path, new SynthOptions { People = 2_000, Seed = 2 }, CancellationToken.None);

        foreach (var (x, y) in a.Files.Zip(b.Files))
        {
            var rowsA = (await File.ReadAllLinesAsync(x.Path, TestContext.Current.CancellationToken)).Skip(1).ToHashSet(StringComparer.Ordinal);
            var rowsB = (await File.ReadAllLinesAsync(y.Path, TestContext.Current.CancellationToken)).Skip(1);
            Assert.True(rowsB.Count(rowsA.Contains) < 10, x.Source);
        }
    }

    [Fact]
    public async Task WriteAsync_RecordsPerSource_WritesExactlyThoseCountsFromOnePopulation()
    {
        using var dir = new TempDirectory();
        var options = new SynthOptions
        {
            People = 8_000,
            RecordsPerSource = new Dictionary<string, long> { ["justice"] = 2_000, ["welfare"] = 9_000 },
        };

        var result = await SyntheticExtracts.WriteAsync(DefaultConfig.Catalog, dir.Path, options, CancellationToken.None);

        Assert.Equal(2_000, result.Files.Single(f => f.Source == "justice").Records);
        Assert.Equal(9_000, result.Files.Single(f => f.Source == "welfare").Records);
        var truth = (await File.ReadAllLinesAsync(result.TruthPath, TestContext.Current.CancellationToken)).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(11_000, truth.Count);
        var offenders = truth.Where(t => t[0] == "justice").Select(t => t[2]).ToHashSet(StringComparer.Ordinal);
        var claimants = truth.Where(t => t[0] == "welfare").Select(t => t[2]).ToHashSet(StringComparer.Ordinal);
        Assert.InRange(offenders.Count(claimants.Contains) / (double)offenders.Count, 0.75, 0.85);
        var welfareRows = ExtractChecker.ReadRows(GeneratedExtracts.Source("welfare"), result.Files.Single(f => f.Source == "welfare").Path);
        Assert.Empty(ExtractChecker.Problems(DefaultConfig.Catalog.Sources["welfare"].SchemaOrThrow, welfareRows.Skip(1).ToList()));
    }

    [Fact]
    public async Task WriteAsync_AnyConfiguredSource_WritesValidRowsInItsDialectFromItsSchemaRoles()
    {
        using var config = new TempDirectory();
        using var output = new TempDirectory();
        var catalog = CustomConfig.Load(config);
        var source = catalog.Sources["health"];

        var result = await SyntheticExtracts.WriteAsync(catalog, output.Path, new SynthOptions { People = 5_000, Seed = 3 }, CancellationToken.None);

        var file = Assert.Single(result.Files);
        Assert.True(source.MatchesFileName(Path.GetFileName(file.Path)));
        Assert.Equal([0xFF, 0xFE], (await File.ReadAllBytesAsync(file.Path, TestContext.Current.CancellationToken))[..2]);
        var rows = ExtractChecker.ReadRows(source, file.Path);
        Assert.Equal(file.Records, rows.Count);
        var problems = ExtractChecker.Problems(source.SchemaOrThrow, rows);
        Assert.True(problems.Count == 0, string.Join("; ", problems.Take(5)));
        Assert.Equal(rows.Count, rows.Select(r => r[0]).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(rows, r => r[2].Split(' ').Length >= 3);
        Assert.Contains(rows, r => r[5].Length > 0 && char.IsAsciiDigit(r[5][0]) && r[6].Length > 0);
        Assert.Contains(rows, r => r[15].Contains('@', StringComparison.Ordinal));
        Assert.Contains(rows, r => r[16].StartsWith("+44", StringComparison.Ordinal));
        Assert.Contains(rows, r => r[15].Length == 0);
    }

    [Theory]
    [InlineData("offenders_*.csv", "offenders_20251125.csv")]
    [InlineData("patients-????.tsv", "patients-2025.tsv")]
    [InlineData("CLAIMS.CSV", "CLAIMS.CSV")]
    public void FileNameFor_Pattern_FillsItsWildcardsFromTheExtractDate(string pattern, string expected)
    {
        var source = new LinkService.Configuration.Sources.SourceDefinition { Schema = "s", FilePattern = pattern };

        Assert.Equal(expected, SyntheticExtracts.FileNameFor(source, new DateOnly(2025, 11, 25)));
    }

    [Fact]
    public async Task WriteAsync_CountForUnknownSource_ThrowsNamingIt()
    {
        using var dir = new TempDirectory();
        var options = new SynthOptions { RecordsPerSource = new Dictionary<string, long> { ["health"] = 10 } };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => SyntheticExtracts.WriteAsync(DefaultConfig.Catalog, dir.Path, options, CancellationToken.None));

        Assert.Contains("'health'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_Cancelled_ThrowsOperationCanceled()
    {
        using var dir = new TempDirectory();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => SyntheticExtracts.WriteAsync(DefaultConfig.Catalog, dir.Path, new SynthOptions { People = 100 }, cancelled.Token));
    }

    private static string IsoBirthDate(Dictionary<string, string> justice) =>
        justice["date_of_birth"] is { Length: 10 } d ? $"{d[6..]}-{d[3..5]}-{d[..2]}" : "";

    private List<(Dictionary<string, string> Justice, Dictionary<string, string> Welfare)> FirstRecordOfEachPersonInBoth()
    {
        Dictionary<string, Dictionary<string, string>> FirstByPerson(string source, string key)
        {
            var personOf = _generated.PersonOf(source);
            var first = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
            foreach (var record in _generated.Records[source])
            {
                first.TryAdd(personOf[record[key]], record);
            }

            return first;
        }

        var justice = FirstByPerson("justice", "offender_id");
        var welfare = FirstByPerson("welfare", "claim_ref");
        return [.. justice.Where(j => welfare.ContainsKey(j.Key)).Select(j => (j.Value, welfare[j.Key]))];
    }
}
