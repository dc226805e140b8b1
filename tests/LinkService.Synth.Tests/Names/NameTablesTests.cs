using LinkService.Synth.Names;
using LinkService.Synth.Population;
using LinkService.Synth.Randomness;

namespace LinkService.Synth.Tests.Names;

public sealed class NameTablesTests
{
    private readonly NameTables _names = NameTables.Instance;

    [Fact]
    public void Surname_ManyDraws_MixCommonNamesWithALongTailOfRareOnes()
    {
        var rng = new SplitMix(1);
        var common = _names.CommonSurnames.All.ToHashSet(StringComparer.Ordinal);

        var drawn = Enumerable.Range(0, 100_000).Select(_ => _names.Surname(ref rng)).ToList();
        var counts = drawn.GroupBy(s => s, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        Assert.InRange(drawn.Count(common.Contains) / 100_000.0, 0.68, 0.72);
        Assert.Equal("Smith", counts.MaxBy(p => p.Value).Key);
        Assert.InRange(counts["Smith"] / 100_000.0, 0.008, 0.015);
        Assert.True(counts.Count(p => p.Value <= 3 && !common.Contains(p.Key)) > 5_000, "a long tail of rare surnames");
    }

    [Fact]
    public void Forename_BySex_DrawsFromThatSexsList()
    {
        var rng = new SplitMix(2);

        var men = Enumerable.Range(0, 1_000).Select(_ => _names.Forename(Sex.Male, ref rng)).ToList();

        Assert.All(men, m => Assert.Contains(m, _names.Male.All));
        Assert.Contains("David", men);
        Assert.True(_names.Male.Count >= 250 && _names.Female.Count >= 250);
    }

    [Theory]
    [InlineData("William", false, "Bill")]
    [InlineData("Bill", false, "William")]
    [InlineData("Elizabeth", true, "Liz")]
    [InlineData("Mohammed", false, "Muhammad")]
    public void Variant_KnownName_IsSometimesTheExpectedForm(string name, bool female, string expected)
    {
        var rng = new SplitMix(3);
        var sex = female ? Sex.Female : Sex.Male;

        var variants = Enumerable.Range(0, 200).Select(_ => _names.Nicknames.Variant(name, sex, ref rng)).ToHashSet();

        Assert.Contains(expected, variants);
        Assert.DoesNotContain(name, variants);
    }

    [Fact]
    public void Variant_NameWithoutForms_IsNull()
    {
        var rng = new SplitMix(4);

        Assert.Null(_names.Nicknames.Variant("Zainab", Sex.Female, ref rng));
    }
}
