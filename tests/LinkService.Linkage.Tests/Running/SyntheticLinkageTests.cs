using LinkService.Configuration;
using LinkService.Deliveries.SetAside;
using LinkService.Linkage.Running;
using LinkService.Linkage.Tests.Support;
using LinkService.Synth;
using Microsoft.Extensions.Logging.Abstractions;

namespace LinkService.Linkage.Tests.Running;

public sealed class SyntheticLinkageTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ConfigCatalog _catalog = RepositoryConfig.Load();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task RunAsync_DefaultProjectOnSynthExtracts_LinksAcrossSourcesWithTheReadmesF1AndJoinsJusticeAliases()
    {
        var synth = await SyntheticExtracts.WriteAsync(_catalog, _temp.Path, new SynthOptions { People = 20_000, Seed = 11 }, CancellationToken.None);
        var project = _catalog.Projects["reoffending-benefits"];
        var inputs = synth.Files.Select(f => new LinkageInput(_catalog.Sources[f.Source], Path.GetFileName(f.Path), f.Path, SetAsideRows.None)).ToList();
        var runner = new LinkageRunner(NullLogger<LinkageRunner>.Instance, TimeProvider.System);

        var result = await runner.RunAsync(project, inputs, Path.Combine(_temp.Path, "run"), CancellationToken.None);

        var score = LinksScore.Of(result.LinksFile, synth.TruthPath);
        var aliases = LinksScore.Within(result.LinksFile, synth.TruthPath, "justice");
        output.WriteLine($"records {synth.TotalRecords}, pairs {result.PairsCompared}, links {result.Links}: precision {score.Precision:F4}, recall {score.Recall:F4}, F1 {score.F1:F4}");
        output.WriteLine($"within justice: true {aliases.TruePairs}, precision {aliases.Precision:F4}, recall {aliases.Recall:F4}, F1 {aliases.F1:F4}");
        ReadmeFigure.AssertF1(0.9969, score.F1, $"synth cross-source, precision {score.Precision:F4}, recall {score.Recall:F4}");
        ReadmeFigure.AssertF1(0.9869, aliases.F1, $"within-justice duplicate pairs, precision {aliases.Precision:F4}, recall {aliases.Recall:F4}");
    }
}
