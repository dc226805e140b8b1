using LinkService.Configuration.Projects;
using LinkService.Configuration.Projects.Linkage;
using LinkService.Configuration.Schemas;
using LinkService.Linkage.Blocking;
using LinkService.Linkage.Tests.Support;

namespace LinkService.Linkage.Tests.Blocking;

public sealed class RuleHashesTests
{
    [Fact]
    public void AnyBefore_TenRules_CountsOnlyTheRulesBeforeTheOneAsked()
    {
        // Rules are read eight at a time: the tenth rule (the only one that blocks the pair) is in the second eight,
        // and a rule at or past the one asked about must not count.
        var table = Tables.Of([("SMITH", "2000-01-01")], [("JONES", "2000-01-01")]);
        var surname = new BlockingRuleSpec { Keys = [new() { Field = CanonicalField.Surname }] };
        var date = new BlockingRuleSpec { Keys = [new() { Field = CanonicalField.DateOfBirth }] };
        var rules = Enumerable.Range(0, 10).Select(i => new CompiledRule(i, i == 9 ? date : surname, table)).ToArray();

        var hashes = new RuleHashes([.. rules.Select(r => RuleBlocks.Build(r, table, LinkageMode.Link))], table.Count);

        Assert.False(hashes.AnyBefore(9, 0, 1));
        Assert.True(hashes.AnyBefore(10, 0, 1));
        Assert.True(hashes.Agrees(9, 0, 1));
        Assert.False(hashes.Agrees(0, 0, 1));
    }

    [Fact]
    public void Agrees_BlockSkippedAsTooLarge_IsNotAgreement()
    {
        var table = Tables.Of([("SMITH", "2000-01-01"), ("SMITH", "1990-05-05")], [("SMITH", "2000-01-01")]);
        var rule = new CompiledRule(0, new BlockingRuleSpec { Keys = [new() { Field = CanonicalField.Surname }], MaxBlockSize = 2 }, table);

        var hashes = new RuleHashes([RuleBlocks.Build(rule, table, LinkageMode.Link)], table.Count);

        Assert.False(hashes.Agrees(0, 0, 2));
        Assert.False(hashes.AnyBefore(1, 0, 2));
    }

    [Fact]
    public void Release_ThenAskedAboutAPair_ThrowsRatherThanAnswering()
    {
        // Released, the hashes must not say "no earlier rule" of a pair an earlier rule had: the pair would be visited
        // twice. Record 0 too, whose row started the array.
        var table = Tables.Of([("SMITH", "2000-01-01")], [("SMITH", "2000-01-01")]);
        var rules = Enumerable.Range(0, 2).Select(i => new CompiledRule(i, new BlockingRuleSpec { Keys = [new() { Field = CanonicalField.Surname }] }, table)).ToArray();
        var hashes = new RuleHashes([.. rules.Select(r => RuleBlocks.Build(r, table, LinkageMode.Link))], table.Count);
        Assert.True(hashes.AnyBefore(1, 0, 1));

        hashes.Release();

        Assert.Throws<IndexOutOfRangeException>(() => hashes.AnyBefore(1, 0, 1));
        Assert.Throws<IndexOutOfRangeException>(() => hashes.AnyBefore(1, 1, 0));
        Assert.Throws<IndexOutOfRangeException>(() => hashes.Agrees(0, 0, 1));

        // A fetch is a hint, and asks nothing.
        hashes.Prefetch(0);
    }
}
