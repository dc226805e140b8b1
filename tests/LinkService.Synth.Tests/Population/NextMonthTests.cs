using LinkService.Synth.Tests.Support;

namespace LinkService.Synth.Tests.Population;

public sealed class NextMonthTests
{
    private const int People = 5_000;

    [Fact]
    public async Task WriteAsync_SecondMonth_KeepsEveryRecordUnderItsKeyChangesAFewAndAddsTenPercentNewPeople()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        var month1 = await SyntheticExtracts.WriteAsync(DefaultConfig.Catalog, first.Path, new SynthOptions { People = People, Seed = 3 }, CancellationToken.None);
        var month2 = await SyntheticExtracts.WriteAsync(DefaultConfig.Catalog, second.Path, new SynthOptions { People = People, Seed = 3, SecondMonth = true }, CancellationToken.None);

        var truth1 = Truth(month1.TruthPath);
        var truth2 = Truth(month2.TruthPath);
        Assert.All(truth1, t => Assert.Equal(t.Value, truth2[t.Key]));
        var newPeople = truth2.Where(t => !truth1.ContainsKey(t.Key)).Select(t => t.Value).ToHashSet();
        Assert.Empty(newPeople.Intersect(truth1.Values));
        Assert.InRange(newPeople.Count, 0.9 * 0.10 * People, 0.10 * People);
        Assert.Equal(month1.ExtractDate.AddMonths(1), month2.ExtractDate);

        foreach (var (a, b) in month1.Files.Zip(month2.Files))
        {
            Assert.NotEqual(Path.GetFileName(a.Path), Path.GetFileName(b.Path));
            var rows1 = File.ReadAllLines(a.Path);
            var rows2 = File.ReadAllLines(b.Path);
            Assert.Equal(rows1[0], rows2[0]);
            var changed = rows1.Zip(rows2).Count(p => p.First != p.Second);
            Assert.InRange(changed, 0.03 * rows1.Length, 0.07 * rows1.Length);
            var schema = GeneratedExtracts.Source(b.Source).SchemaOrThrow;
            Assert.Empty(ExtractChecker.Problems(schema, [.. ExtractChecker.ReadRows(GeneratedExtracts.Source(b.Source), b.Path).Skip(1)]));
        }
    }

    private static Dictionary<(string, string), string> Truth(string path) =>
        File.ReadAllLines(path).Skip(1).Select(l => l.Split(',')).ToDictionary(c => (c[0], c[1]), c => c[2]);
}
