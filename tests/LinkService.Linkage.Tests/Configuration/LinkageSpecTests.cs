using LinkService.Configuration.Loading;
using LinkService.Linkage.Tests.Support;

namespace LinkService.Linkage.Tests.Configuration;

public sealed class LinkageSpecTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Load_DefaultProject_HasNoErrors()
    {
        var catalog = RepositoryConfig.Load();

        var linkage = catalog.Projects["reoffending-benefits"].Linkage;
        Assert.Contains(linkage.Comparisons, c => c.Field == "ni_number");
        Assert.True(linkage.Blocking.Count >= 3);
    }

    [Fact]
    public void Load_EmptyLinkageSection_GetsWorkingDefaults()
    {
        var result = LoadWithLinkage("{}");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var linkage = result.Catalog!.Projects["p"].Linkage;
        Assert.NotEmpty(linkage.Blocking);
        Assert.NotEmpty(linkage.Comparisons);
    }

    [Fact]
    public void Load_ComparisonOnFieldNoSourceFeeds_NamesTheSources()
    {
        var result = LoadWithLinkage("""{ "comparisons": [ { "field": "address_line", "levels": [ { "method": "exact" } ] } ] }""");

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.linkage.comparisons[0].field", error.JsonPath);
        Assert.Contains("none of the project's sources (justice, welfare) has an identifier feeding it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SelfContradictions_AreReportedWithTheirPaths()
    {
        var result = LoadWithLinkage("""
            {
              "blocking": [ { "keys": [ { "field": "surname", "transform": "year" } ] } ],
              "comparisons": [ { "field": "forename", "levels": [ { "method": "jaro-winkler", "threshold": 1.5 }, { "method": "swapped" } ] } ],
              "thresholds": { "match": 0.8, "review": 0.9 }
            }
            """);

        var paths = result.Errors.Select(e => e.JsonPath).ToList();
        Assert.Contains("$.linkage.blocking[0].keys[0].transform", paths);
        Assert.Contains("$.linkage.comparisons[0].levels[0].threshold", paths);
        Assert.Contains("$.linkage.comparisons[0].levels[1].otherField", paths);
        Assert.Contains("$.linkage.thresholds.review", paths);
    }

    [Theory]
    [InlineData("{ \"match\": 0.7, \"matchWithinSource\": 1.2 }", "$.linkage.thresholds.matchWithinSource")]
    [InlineData("{ \"match\": 0.7, \"matchWithinSource\": 0.4, \"review\": 0.5 }", "$.linkage.thresholds.review")]
    public void Load_MatchWithinSourceOutOfRangeOrUnderReview_IsReportedWithItsPath(string thresholds, string path)
    {
        var result = LoadWithLinkage($$"""{ "thresholds": {{thresholds}} }""");

        Assert.Contains(path, result.Errors.Select(e => e.JsonPath));
    }

    [Fact]
    public void Load_UnknownMethod_IsAShapeError()
    {
        var result = LoadWithLinkage("""{ "comparisons": [ { "field": "surname", "levels": [ { "method": "fuzzy" } ] } ] }""");

        Assert.Contains(result.Errors, e => e.JsonPath.StartsWith("$.linkage.comparisons[0].levels[0].method", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_OneToOneInDedupeProject_IsRejected()
    {
        var result = LoadWithLinkage("""{ "clustering": { "oneToOne": true } }""", mode: "dedupe");

        Assert.Contains(result.Errors, e => e.JsonPath == "$.linkage.clustering.oneToOne");
    }

    private ConfigLoadResult LoadWithLinkage(string linkage, string mode = "link")
    {
        foreach (var folder in new[] { "sources", "schemas" })
        {
            Directory.CreateDirectory(Path.Combine(_temp.Path, folder));
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryConfig.Directory, folder)))
            {
                File.Copy(file, Path.Combine(_temp.Path, folder, Path.GetFileName(file)));
            }
        }

        Directory.CreateDirectory(Path.Combine(_temp.Path, "projects"));
        File.WriteAllText(Path.Combine(_temp.Path, "projects", "p.json"), $$"""{ "sources": ["justice", "welfare"], "mode": "{{mode}}", "linkage": {{linkage}} }""");
        return ConfigCatalogLoader.Load(_temp.Path);
    }
}
