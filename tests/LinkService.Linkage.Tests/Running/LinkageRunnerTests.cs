using System.Globalization;
using LinkService.Configuration;
using LinkService.Configuration.Projects;
using LinkService.Configuration.Projects.Linkage;
using LinkService.Deliveries.Reading;
using LinkService.Deliveries.SetAside;
using LinkService.Linkage.Progress;
using LinkService.Linkage.Running;
using LinkService.Linkage.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace LinkService.Linkage.Tests.Running;

public sealed class LinkageRunnerTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ConfigCatalog _catalog = RepositoryConfig.Load();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task RunAsync_DefaultProjectOnFebrlDeliveries_WritesOneLinkRowPerRecordAndLinksTheSamePeople()
    {
        var result = await RunAsync("run1", []);

        var rows = ReadLinks(result.LinksFile);
        Assert.Equal(10_000, rows.Count);
        Assert.Equal(5_000, result.RecordsPerSource["justice"]);
        var byEntity = rows.GroupBy(r => r.Entity).Where(g => g.Count() > 1).ToList();
        var correct = byEntity.Sum(g => g.Count(r => r.Source == "justice") * g.Count(r => r.Source == "welfare" && g.Any(j => j.Source == "justice" && FebrlDeliveries.Person(j.Id) == FebrlDeliveries.Person(r.Id))));
        Assert.True(correct >= 4_300, $"{correct} of 5000 true pairs linked");
        Assert.True(File.Exists(result.ModelFile) && File.Exists(result.QualityFile) && File.Exists(result.ReviewFile));
    }

    [Fact]
    public async Task RunAsync_LinksProbabilities_AreSpelledAsSixDecimalsWithoutTrailingZeros_CertainOnesAsOneAndNoneAsZero()
    {
        var result = await RunAsync("run1", []);

        var probabilities = File.ReadLines(result.LinksFile).Skip(1).Select(l => l.Split(',')[3]).ToList();
        Assert.All(probabilities, p => Assert.Equal(float.Parse(p, CultureInfo.InvariantCulture).ToString("0.######", CultureInfo.InvariantCulture), p));
        Assert.Contains("1", probabilities);
        Assert.Contains("0", probabilities);
        Assert.Contains(probabilities, p => p.StartsWith("0.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_SameInputsTwice_WritesIdenticalLinks()
    {
        var first = await RunAsync("run1", []);
        var second = await RunAsync("run2", []);

        Assert.Equal(await File.ReadAllTextAsync(first.LinksFile, TestContext.Current.CancellationToken), await File.ReadAllTextAsync(second.LinksFile, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RunAsync_SetAsideRows_LeavesThoseRecordsOut()
    {
        var result = await RunAsync("run1", [1, 3]);

        var justice = ReadLinks(result.LinksFile).Where(r => r.Source == "justice").Select(r => r.Id).ToList();
        Assert.Equal(4_998, justice.Count);
        Assert.DoesNotContain("rec-1070-org", justice);
    }

    [Fact]
    public async Task RunAsync_SetAsideRowIsNotTheRowThere_FailsNamingTheDeliveryAndRow()
    {
        var failure = await Assert.ThrowsAsync<InvalidDataException>(() => RunAsync("run1", [1, 3], misplace: true));

        Assert.Contains("delivery d1: row 3 is not the row validation set aside there", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ModelJson_NamesEveryComparisonLevelWithItsWeight()
    {
        var result = await RunAsync("run1", []);

        using var model = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(result.ModelFile, TestContext.Current.CancellationToken));
        var surname = model.RootElement.GetProperty("comparisons").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "surname");
        var exact = surname.GetProperty("levels")[0];
        Assert.Equal("exact", exact.GetProperty("level").GetString());
        Assert.True(exact.GetProperty("weight").GetDouble() > 5);
    }

    [Fact]
    public async Task RunAsync_ModelJson_FlagsLevelsRestingOnThinEvidence()
    {
        var result = await RunAsync("run1", []);

        using var model = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(result.ModelFile, TestContext.Current.CancellationToken));
        var levels = model.RootElement.GetProperty("comparisons").EnumerateArray().SelectMany(c => c.GetProperty("levels").EnumerateArray()).ToList();
        var thin = levels.Where(l => l.GetProperty("thin").GetBoolean()).ToList();
        Assert.NotEmpty(thin);
        Assert.All(thin, l => Assert.True(l.GetProperty("matchEvidence").GetDouble() < 10 || l.GetProperty("randomPairs").GetInt64() < 10));
        Assert.Contains(levels, l => !l.GetProperty("thin").GetBoolean() && l.GetProperty("matchEvidence").GetDouble() >= 10);
    }

    [Fact]
    public async Task RunAsync_ReviewCsv_ShowsEachComparisonsLevelAndWeightAddingUpToTheMatchWeight()
    {
        var result = await RunAsync("run1", []);

        var lines = await File.ReadAllLinesAsync(result.ReviewFile, TestContext.Current.CancellationToken);
        var header = lines[0].Split(',');
        Assert.Equal(["source_a", "record_id_a", "source_b", "record_id_b", "match_weight", "match_probability", "prior_weight", "forename", "forename_weight", "middle_names", "middle_names_weight", "surname", "surname_weight"], header[..13]);
        Assert.True(lines.Length > 10, $"{lines.Length - 1} review pairs");
        foreach (var row in lines.Skip(1).Select(l => l.Split(',')))
        {
            var waterfall = double.Parse(row[6], CultureInfo.InvariantCulture);
            for (var c = 8; c < row.Length; c += 2)
            {
                waterfall += double.Parse(row[c], CultureInfo.InvariantCulture);
                Assert.True(row[c - 1] == "missing" ? row[c] == "0" : row[c - 1].Length > 0, $"{header[c - 1]} is {row[c - 1]} with weight {row[c]}");
            }

            Assert.Equal(double.Parse(row[4], CultureInfo.InvariantCulture), waterfall, 0.01);
        }
    }

    [Fact]
    public async Task RunAsync_GivenAProgressTracker_AdvancesEachStageThroughItsWholeTotal()
    {
        var progress = new ProgressTracker(TimeProvider.System);

        await RunAsync("run1", [], progress: progress);

        var stages = progress.Stages;
        Assert.Equal(
            ["read", "standardise", "blocking", "u from random pairs", "compare (training pass)", "EM", "compare and score", "cluster", "matches outside blocks", "write"],
            stages.Select(s => s.Name));
        Assert.Equal((10_000L, null), (stages[0].Done, stages[0].Total));
        Assert.All(stages.Where(s => s.Total is not null), s => Assert.True(s.Total > 0 && s.Done == s.Total, $"{s.Name}: {s.Done} of {s.Total} {s.Unit}"));
        Assert.Equal(["standardise", "blocking", "u from random pairs", "compare (training pass)", "compare and score"], stages.Where(s => s.Total is not null).Select(s => s.Name));
        Assert.All(stages.SkipLast(1), s => Assert.NotNull(s.Ended));
    }

    /// <summary>Links the FEBRL deliveries with <paramref name="setAside"/> justice rows set aside; <paramref name="misplace"/> gives the last the fingerprint of another row.</summary>
    private async Task<LinkageRunResult> RunAsync(string run, long[] setAside, bool misplace = false, ProgressTracker? progress = null)
    {
        var project = _catalog.Projects["reoffending-benefits"];
        var quick = new ProjectDefinition
        {
            Sources = project.Sources,
            Mode = project.Mode,
            Linkage = new LinkageSpec
            {
                Standardisation = project.Linkage.Standardisation,
                Blocking = project.Linkage.Blocking,
                Comparisons = project.Linkage.Comparisons,
                Thresholds = project.Linkage.Thresholds,
                Clustering = project.Linkage.Clustering,
                Training = new TrainingSpec { RandomPairs = 200_000 },
            },
        };
        quick.Name = project.Name;
        var inputs = new[]
        {
            JusticeInput(setAside, misplace),
            new LinkageInput(_catalog.Sources["welfare"], "d2", FebrlDeliveries.WriteWelfare(_temp.Path), SetAsideRows.None),
        };
        var runner = new LinkageRunner(NullLogger<LinkageRunner>.Instance, TimeProvider.System);
        return await runner.RunAsync(quick, inputs, Path.Combine(_temp.Path, run), CancellationToken.None, progress);
    }

    private LinkageInput JusticeInput(long[] setAside, bool misplace)
    {
        var source = _catalog.Sources["justice"];
        var path = FebrlDeliveries.WriteJustice(_temp.Path);
        var rows = new List<SetAsideRow>();
        using (var reader = DeliveryReader.Open(source, path, ReadLimits.Default))
        {
            while (reader.Read())
            {
                if (!reader.OnHeader && (setAside.Contains(reader.Row) || (misplace && reader.Row == setAside[^1] + 1)))
                {
                    rows.Add(new SetAsideRow(reader.Row, RowFingerprint.Of(reader)));
                }
            }
        }

        if (misplace)
        {
            rows = [.. rows.SkipLast(2), rows[^2] with { Fingerprint = rows[^1].Fingerprint }];
        }

        return new LinkageInput(source, "d1", path, new SetAsideRows(rows));
    }

    private static List<(string Source, string Id, string Entity)> ReadLinks(string path) =>
        [.. File.ReadLines(path).Skip(1).Select(l => l.Split(',')).Select(c => (c[0], c[1], c[2]))];
}
