using LinkService.Linkage.Data;

namespace LinkService.Linkage.Tests.Data;

public sealed class SpanInternerTests
{
    [Fact]
    public void Intern_PresizedAndGivenEachHashWithItsSlotPrefetched_GivesTheIdsOfAPlainInterning()
    {
        // Values repeating out of order, past several of the plain table's growths.
        var values = Enumerable.Range(0, 50_000).Select(i => $"V{(i * 7919) % 20_011}").ToList();
        var plain = new SpanInterner();
        var presized = new SpanInterner();
        presized.EnsureCapacity(values.Count);

        foreach (var value in values)
        {
            var hash = SpanInterner.Hash(value);
            presized.Prefetch(hash);
            Assert.Equal(plain.Intern(value), presized.Intern(value, hash));
        }

        Assert.Equal(20_012, presized.Count);
        Assert.Equal(1, presized.Lookup("V0"));
        Assert.Equal("V7919", presized[2].ToString());
        Assert.Equal(0, presized.Lookup("W1"));
    }

    [Fact]
    public void EnsureCapacity_AfterValuesAreInterned_KeepsTheirIds()
    {
        var interner = new SpanInterner();
        var ids = Enumerable.Range(0, 3_000).Select(i => interner.Intern($"N{i}")).ToList();

        interner.EnsureCapacity(1_000_000);

        Assert.Equal(ids, Enumerable.Range(0, 3_000).Select(i => interner.Lookup($"N{i}")));
        Assert.Equal(3_001, interner.Intern("new"));
    }
}
