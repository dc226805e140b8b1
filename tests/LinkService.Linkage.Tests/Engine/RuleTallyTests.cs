using LinkService.Configuration.Projects;
using LinkService.Linkage.Blocking;
using LinkService.Linkage.Engine;
using LinkService.Linkage.Tests.Support;

namespace LinkService.Linkage.Tests.Engine;

public sealed class RuleTallyTests
{
    [Theory]
    [InlineData(LinkageMode.Link)]
    [InlineData(LinkageMode.Both)]
    public void CountTruePairs_CountsEachTruePairUnderTheRulesThatBlockIt(LinkageMode mode)
    {
        // Person 7: records 0 and 3 share surname and date (both rules, owned by the first); person 8: records 1 and 4
        // share the date alone; person 9: records 2 and 5 share nothing and are no candidate pair.
        var table = Tables.Of([("SMITH", "2000-01-01"), ("JONES", "1990-05-05"), ("KHAN", "1970-01-01")], [("SMITH", "2000-01-01"), ("BROWN", "1990-05-05"), ("PATEL", "1960-01-01")]);
        int[] truth = [7, 8, 9, 7, 8, 9];
        var rules = Tables.Spec.Blocking.Select((r, i) => new CompiledRule(i, r, table)).ToArray();
        var hashes = new RuleHashes([.. rules.Select(r => RuleBlocks.Build(r, table, mode))], table.Count);
        var tally = new RuleTally(rules.Length);

        tally.CountTruePairs(hashes, truth, table.Source, mode);

        Assert.Equal([1L, 1L], tally.TrueOwned);
        Assert.Equal([1L, 2L], tally.TrueInRule);
    }

    [Fact]
    public void CountTruePairs_LinkMode_LeavesOutPairsWithinASource()
    {
        // The two SMITHs share a block (blocked as for both modes), but are not a pair the link mode compares.
        var table = Tables.Of([("SMITH", "2000-01-01"), ("SMITH", "2000-01-01")], [("BROWN", "1990-05-05")]);
        int[] truth = [7, 7, 8];
        var rules = Tables.Spec.Blocking.Select((r, i) => new CompiledRule(i, r, table)).ToArray();
        var hashes = new RuleHashes([.. rules.Select(r => RuleBlocks.Build(r, table, LinkageMode.Both))], table.Count);
        var tally = new RuleTally(rules.Length);

        tally.CountTruePairs(hashes, truth, table.Source, LinkageMode.Link);

        Assert.Equal([0L, 0L], tally.TrueOwned);
    }
}
