using System.Text.Json;
using System.Text.RegularExpressions;
using LinkService.Outputs.Packaging;
using LinkService.Outputs.Tests.Support;

namespace LinkService.Outputs.Tests.Packaging.QualityReport;

public sealed partial class QualityPageTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Report_Html_LoadsNothingFromOutside()
    {
        var html = (await PackageAsync()).Read(OutputFiles.QualityReportHtml);

        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_NamesFromConfiguration_AreHtmlEncodedEverywhere()
    {
        var html = (await PackageAsync(justice: "<script>alert(1)</script>", rule: "l.a = r.a & \"x\" <b>", field: "<i>surname</i>")).Read(OutputFiles.QualityReportHtml);

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("l.a = r.a &amp; &quot;x&quot; &lt;b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;i&gt;surname&lt;/i&gt;: exact", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_MatchesOutsideBlocksEstimated_ShowsPairsLostToBlocking()
    {
        var output = await PackageAsync(matchesOutsideBlocks: 400);

        var html = output.Read(OutputFiles.QualityReportHtml);
        Assert.Contains("<tr id=\"lost-to-blocking\"><th>Matches lost to blocking</th><td class=\"n\">400.0</td>", html, StringComparison.Ordinal);
        Assert.Contains("10.00% of all expected matches. 150.0 of them are joined all the same, through other records of the person; the rest count in the missed-link rate", html, StringComparison.Ordinal);
        Assert.DoesNotContain("blocking-loss-unknown", html, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output.Read(OutputFiles.QualityReportJson));
        var estimates = json.RootElement.GetProperty("estimates");
        Assert.Equal(400, estimates.GetProperty("matchesOutsideBlocks").GetDouble());
        Assert.Equal(0.1, estimates.GetProperty("shareOfMatchesOutsideBlocks").GetDouble());
        Assert.Equal(150, estimates.GetProperty("matchesOutsideBlocksJoined").GetDouble());
    }

    [Fact]
    public async Task Report_MatchesOutsideBlocksNotEstimated_SaysTheMissedRateCountsOnlyComparedPairs()
    {
        var output = await PackageAsync();

        Assert.Contains("id=\"blocking-loss-unknown\"", output.Read(OutputFiles.QualityReportHtml), StringComparison.Ordinal);
        Assert.DoesNotContain("lost-to-blocking", output.Read(OutputFiles.QualityReportHtml), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output.Read(OutputFiles.QualityReportJson));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("estimates").GetProperty("matchesOutsideBlocks").ValueKind);
    }

    [Fact]
    public async Task Report_Json_HoldsTheFiguresTheHtmlDraws()
    {
        var output = await PackageAsync();

        using var json = JsonDocument.Parse(output.Read(OutputFiles.QualityReportJson));
        var root = json.RootElement;
        var html = output.Read(OutputFiles.QualityReportHtml);
        Assert.Equal(0.0123, root.GetProperty("estimates").GetProperty("falseLinkRate").GetDouble());
        Assert.Contains("<td class=\"n\">1.23%</td>", html, StringComparison.Ordinal);
        Assert.Equal(0.875, root.GetProperty("sources")[1].GetProperty("matchRate").GetDouble());
        Assert.Contains("<td>welfare</td><td class=\"n\">4,000</td><td class=\"n\">87.50%</td>", html, StringComparison.Ordinal);
        Assert.Equal(5, root.GetProperty("comparisons").EnumerateArray().Sum(c => c.GetProperty("levels").GetArrayLength()));
        Assert.Equal(4, root.GetProperty("weightDistribution").GetArrayLength());
        Assert.Equal(4, Regex.Count(html, "<rect class=\"bar-(non|review|match)\""));
        Assert.Equal(2, root.GetProperty("blockingRules").GetArrayLength());
    }

    [Fact]
    public async Task Report_LevelTheModelFlagsThin_IsMarkedThinEvidence()
    {
        var html = (await PackageAsync()).Read(OutputFiles.QualityReportHtml);

        Assert.Contains("<td>jaro-winkler&gt;=0.9 <em class=\"thin\">thin evidence</em></td>", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "class=\"thin\""));
    }

    [Fact]
    public async Task Report_ProjectWithAHigherBarWithinASource_SaysWhereDuplicatesLink()
    {
        var output = await Packaged.WriteAsync(_temp, RunFolder.Write(_temp.Combine("run"), thresholds: "\"match\": 0.7, \"matchWithinSource\": 0.95, \"review\": 0.5"), Packaged.Clock());

        var html = output.Read(OutputFiles.QualityReportHtml);
        Assert.Contains("(two records of one source: at or above 0.95)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("two records of one source", (await PackageAsync()).Read(OutputFiles.QualityReportHtml), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_OfARunFolder_OpensNeitherLinksNorReview()
    {
        // RunFolder makes links.csv and review.csv folders: opening either as a file would throw.
        var output = await PackageAsync();

        Assert.True(File.Exists(Path.Combine(output.Folder, OutputFiles.QualityReportHtml)));
    }

    private Task<SomeOutput> PackageAsync(string justice = "justice", string rule = "l.surname = r.surname", string field = "surname", double? matchesOutsideBlocks = null) =>
        Packaged.WriteAsync(_temp, RunFolder.Write(_temp.Combine("run"), justice, rule, field, matchesOutsideBlocks), Packaged.Clock());

    /// <summary>Anything a browser would fetch: a scheme, a protocol-relative address, a CSS import or url().</summary>
    [GeneratedRegex(@"(?i)([a-z][a-z0-9+.-]*:)?//[a-z0-9]|\b(src|href)\s*=|@import|url\(")]
    private static partial Regex ExternalReference();
}
