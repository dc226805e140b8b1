using LinkService.Configuration;
using LinkService.Configuration.Projects;
using LinkService.Configuration.Projects.Linkage;
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
        var result = await RunAsync("run1", excluded: null);

        var rows = ReadLinks(result.LinksFile);
        Assert.Equal(10_000, rows.Count);
        Assert.Equal(5_000, result.RecordsPerSource["justice"]);
        var byEntity = rows.GroupBy(r => r.Entity).Where(g => g.Count() > 1).ToList();
        var correct = byEntity.Sum(g => g.Count(r => r.Source == "justice") * g.Count(r => r.Source == "welfare" && g.Any(j => j.Source == "justice" && FebrlDeliveries.Person(j.Id) == FebrlDeliveries.Person(r.Id))));
        Assert.True(correct >= 4_300, $"{correct} of 5000 true pairs linked");
        Assert.True(File.Exists(result.ModelFile) && File.Exists(result.QualityFile) && File.Exists(result.ReviewFile));
    }

    [Fact]
    public async Task RunAsync_SameInputsTwice_WritesIdenticalLinks()
    {
        var first = await RunAsync("run1", excluded: null);
        var second = await RunAsync("run2", excluded: null);

        Assert.Equal(await File.ReadAllTextAsync(first.LinksFile, TestContext.Current.CancellationToken), await File.ReadAllTextAsync(second.LinksFile, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RunAsync_ExcludedRows_LeavesThoseRecordsOut()
    {
        var result = await RunAsync("run1", excluded: new HashSet<long> { 1, 3 });

        var justice = ReadLinks(result.LinksFile).Where(r => r.Source == "justice").Select(r => r.Id).ToList();
        Assert.Equal(4_998, justice.Count);
        Assert.DoesNotContain("rec-1070-org", justice);
    }

    [Fact]
    public async Task RunAsync_ModelJson_NamesEveryComparisonLevelWithItsWeight()
    {
        var result = await RunAsync("run1", excluded: null);

        using var model = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(result.ModelFile, TestContext.Current.CancellationToken));
        var surname = model.RootElement.GetProperty("comparisons").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "surname");
        var exact = surname.GetProperty("levels")[0];
        Assert.Equal("exact", exact.GetProperty("level").GetString());
        Assert.True(exact.GetProperty("weight").GetDouble() > 5);
    }

    private async Task<LinkageRunResult> RunAsync(string run, IReadOnlySet<long>? excluded)
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
            new LinkageInput(_catalog.Sources["justice"], "d1", FebrlDeliveries.WriteJustice(_temp.Path), excluded),
            new LinkageInput(_catalog.Sources["welfare"], "d2", FebrlDeliveries.WriteWelfare(_temp.Path), null),
        };
        var runner = new LinkageRunner(NullLogger<LinkageRunner>.Instance, TimeProvider.System);
        return await runner.RunAsync(quick, inputs, Path.Combine(_temp.Path, run), CancellationToken.None);
    }

    private static List<(string Source, string Id, string Entity)> ReadLinks(string path) =>
        [.. File.ReadLines(path).Skip(1).Select(l => l.Split(',')).Select(c => (c[0], c[1], c[2]))];
}
