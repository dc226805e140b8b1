using LinkService.Configuration;
using LinkService.Configuration.Keys;
using LinkService.Deliveries.SetAside;
using LinkService.Linkage;
using LinkService.Linkage.Running;
using LinkService.Outputs.Stages;
using LinkService.Outputs.Tests.Support;
using LinkService.Synth;
using Microsoft.Extensions.DependencyInjection;

namespace LinkService.Outputs.Tests.Anonymising;

/// <summary>The must-hold of issue 10: a month later, returning people keep their person pseudonyms.</summary>
public sealed class SecondMonthTests(ITestOutputHelper output) : IDisposable
{
    private const int People = 10_000;
    private const string Project = "reoffending-benefits";
    private readonly TempDirectory _temp = new();
    private readonly ConfigCatalog _catalog = RepositoryConfig.Load();
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddLinkage().AddAnonymiser().BuildServiceProvider();

    public void Dispose()
    {
        _services.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task SecondMonthsRun_KeepsThePseudonymsOfReturningPeople_AgainstSynthTruth()
    {
        var month1 = await RunAsync("month1", secondMonth: false, previousRun: null);
        var month2 = await RunAsync("month2", secondMonth: true, previousRun: month1.RunFolder);

        // Strict: a returning person keeps their pseudonym only if every one of their records carries, a month
        // later, the person pseudonym it carried before (a person split in either month counts as not kept).
        var before = PersonPseudonyms(month1.Truth, month1.RunFolder);
        var after = PersonPseudonyms(month2.Truth, month2.RunFolder);
        var returning = before.Keys.Where(after.ContainsKey).ToList();
        var kept = returning.Count(p => before[p].SequenceEqual(after[p]));
        var unsplitKept = returning.Count(p => before[p].Select(r => r.Pseudonym).Distinct().Count() == 1 && before[p].SequenceEqual(after[p]));
        output.WriteLine($"returning people {returning.Count}, kept their pseudonym {kept} ({(double)kept / returning.Count:P2}; {unsplitKept} of them with one pseudonym on every record); new people {after.Count - returning.Count}");

        Assert.Equal(before.Count, returning.Count);
        Assert.True(kept >= 0.99 * returning.Count, $"{kept} of {returning.Count}");
        // Measured (deterministic): 9,600 of 9,600 (100 %). On this data a rerun without the previous map gives the
        // same figure, because no returning person gains a record: the smallest record, which seeds a new person's
        // pseudonym, stays the same. CarryForwardTests cover what only carrying forward keeps (splits, merges).
        Assert.Equal((9_600, 9_600), (returning.Count, kept));
    }

    private async Task<(string RunFolder, string Truth)> RunAsync(string name, bool secondMonth, string? previousRun)
    {
        var synth = await SyntheticExtracts.WriteAsync(_catalog, _temp.Combine(name, "synth"), new SynthOptions { People = People, Seed = 5, SecondMonth = secondMonth }, CancellationToken.None);
        var inputs = synth.Files.Select(f => new LinkageInput(_catalog.Sources[f.Source], Path.GetFileName(f.Path), f.Path, SetAsideRows.None)).ToList();
        var runFolder = _temp.Combine(name, "run");
        var project = _catalog.Projects[Project];
        await _services.GetRequiredService<ILinkageRunner>().RunAsync(project, inputs, runFolder, CancellationToken.None);
        var request = new OutputRequest(project, name, runFolder, inputs, ProjectKeys.Pseudonyms(SmallRun.Master, Project), previousRun);
        await _services.GetRequiredService<IAnonymiser>().AnonymiseAsync(request, _temp.Combine(name, "out"), CancellationToken.None);
        return (runFolder, synth.TruthPath);
    }

    /// <summary>Each true person's records (source and key, in order) and the person pseudonym each carries.</summary>
    private static Dictionary<string, List<(string Source, string Key, string Pseudonym)>> PersonPseudonyms(string truthPath, string runFolder)
    {
        var map = File.ReadLines(Path.Combine(runFolder, "persons.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(c => (c[0], c[1]), c => c[2]);
        return File.ReadLines(truthPath).Skip(1).Select(l => l.Split(','))
            .GroupBy(c => c[2], c => (c[0], c[1], map[(c[0], c[1])]))
            .ToDictionary(g => g.Key, g => g.Order().ToList());
    }
}
