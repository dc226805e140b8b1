using LinkService.Configuration.Projects;
using LinkService.Linkage.Comparison;
using LinkService.Linkage.Model;
using LinkService.Linkage.Tests.Support;
using LinkService.Synth;

namespace LinkService.Linkage.Tests.Comparison;

public sealed class ValueLevelCacheTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void TryGet_APairSetBefore_GivesItsLevelInThatOrderOnly()
    {
        var cache = new ValueLevelCache(bits: 10);

        cache.Set(3, 7, 2);

        Assert.True(cache.TryGet(3, 7, out var level));
        Assert.Equal(2, level);
        Assert.False(cache.TryGet(7, 3, out _));
        Assert.False(cache.TryGet(3, 8, out _));
    }

    [Fact]
    public void TryGet_APairWhoseSlotAnotherTookOver_IsNotFound()
    {
        // Two slots for many pairs: each pair set takes a slot over from an earlier one, which is then asked again.
        var cache = new ValueLevelCache(bits: 1);
        for (var v = 1; v <= 50; v++)
        {
            cache.Set(v, v + 1, (byte)(v % 9));
        }

        for (var v = 1; v <= 50; v++)
        {
            if (cache.TryGet(v, v + 1, out var level))
            {
                Assert.Equal(v % 9, level);
            }
        }

        Assert.True(cache.TryGet(50, 51, out _));
        Assert.False(cache.TryGet(1, 2, out _) && cache.TryGet(2, 3, out _) && cache.TryGet(3, 4, out _));
    }

    // The default project's name comparisons mix levels of the two values alone (remembered) with levels that read the
    // records' other names (swapped, a forename among the middle names), on synth's names with their errors: every
    // pair's levels must be those compared afresh, the first time a pair of values is met, the next times, in either
    // order, and with a table so small that pairs keep taking each other's slots.
    [Theory]
    [InlineData(CompiledComparison.CacheBits)]
    [InlineData(1)]
    public async Task Pattern_WithTheCache_IsThePatternComparedAfresh(int cacheBits)
    {
        var catalog = RepositoryConfig.Load();
        var spec = catalog.Projects["reoffending-benefits"].Linkage;
        var (table, _) = await SynthTables.BuildAsync(catalog, spec, _temp.Path, new SynthOptions { People = 1_500, Seed = 5 });
        var fresh = new PairComparer(spec.Comparisons, table, cacheBits: 0);
        var cached = new PairComparer(spec.Comparisons, table, cacheBits);
        var sampler = new RandomPairSampler(table, LinkageMode.Both);
        var random = new Random(3);

        // Random pairs, and pairs of records whose surnames sound alike (where the names' levels are met most).
        var pairs = Enumerable.Range(0, 20_000).Select(_ => sampler.Next(random)).ToList();
        var surname = spec.Comparisons.Select((c, i) => (c, i)).Single(x => x.c.Field == "surname").i;
        var bySound = Enumerable.Range(0, table.Count).GroupBy(r => table.ColumnOrThrow("surname").Values[r] % 97);
        pairs.AddRange(bySound.SelectMany(g => g.Take(60).SelectMany(a => g.Take(60).Where(b => b != a).Select(b => (a, b)))));
        var levels = new HashSet<(int, int)>();
        for (var round = 0; round < 2; round++)
        {
            foreach (var (a, b) in pairs)
            {
                var pattern = fresh.Pattern(a, b);
                Assert.Equal(pattern, cached.Pattern(a, b));
                Assert.Equal(fresh.Pattern(b, a), cached.Pattern(b, a));
                for (var c = 0; c < spec.Comparisons.Count; c++)
                {
                    levels.Add((c, ComparisonVector.Level(pattern, c)));
                }
            }
        }

        // The pairs meet the levels that read the records and those after them, so both ways of finding a level are asked.
        var forename = spec.Comparisons.Select((c, i) => (c, i)).Single(x => x.c.Field == "forename").i;
        Assert.Contains((forename, 4), levels);
        Assert.Contains((forename, 6), levels);
        Assert.Contains((surname, 2), levels);
        Assert.Contains((surname, 3), levels);
    }
}
