using LinkService.Configuration.Projects;
using LinkService.Configuration.Projects.Linkage;
using LinkService.Configuration.Schemas;
using LinkService.Linkage.Blocking;
using LinkService.Linkage.Tests.Support;

namespace LinkService.Linkage.Tests.Blocking;

public sealed class RuleBlocksTests
{
    [Fact]
    public void Build_BlockLargerThanTheCap_IsSkippedAndCounted()
    {
        var table = Tables.Of([("SMITH", "2000-01-01"), ("SMITH", "2000-01-02"), ("SMITH", "2000-01-03"), ("JONES", "2000-01-04")], [("JONES", "2000-01-05")]);
        var spec = new BlockingRuleSpec { Keys = [new() { Field = CanonicalField.Surname }], MaxBlockSize = 2 };
        var rule = new CompiledRule(0, spec, table);

        var blocks = RuleBlocks.Build(rule, table, LinkageMode.Both);

        Assert.Equal(1, blocks.BlockCount);
        Assert.Equal([3, 4], blocks.Records);
        Assert.Equal(1, blocks.SkippedBlocks);
        Assert.Equal(3, blocks.SkippedRecords);
    }

    [Fact]
    public void Build_LinkMode_DropsBlocksWithinOneSource()
    {
        var table = Tables.Of([("SMITH", "2000-01-01"), ("SMITH", "2000-01-02")], [("JONES", "2000-01-05")]);
        var rule = new CompiledRule(0, new BlockingRuleSpec { Keys = [new() { Field = CanonicalField.Surname }] }, table);

        var blocks = RuleBlocks.Build(rule, table, LinkageMode.Link);

        Assert.Equal(0, blocks.BlockCount);
    }

    [Fact]
    public void Build_InScratchLeftByAnotherRule_GivesTheBlocksBuiltAfresh()
    {
        // The first rule keys every record and keeps long blocks; the second keys fewer records, so any of the first
        // rule's records, hashes or starts left in the scratch would show in its blocks.
        var table = Tables.Of(
            [("SMITH", "2000-01-01"), ("SMITH", "2000-01-01"), ("JONES", "2000-01-02"), ("SMITH", "2001-03-04"), ("BROWN", "1990-05-06")],
            [("SMITH", "2000-01-01"), ("JONES", "2000-01-02"), ("SMITH", "2001-03-04"), ("", "1990-05-06")]);
        var bySurname = new CompiledRule(0, new BlockingRuleSpec { Keys = [new() { Field = CanonicalField.Surname }] }, table);
        var byBoth = new CompiledRule(1, new BlockingRuleSpec { Keys = [new() { Field = CanonicalField.Surname }, new() { Field = CanonicalField.DateOfBirth }] }, table);
        var scratch = new BlockScratch(table.Count);

        var first = RuleBlocks.Build(bySurname, table, LinkageMode.Both, scratch);
        var reused = RuleBlocks.Build(byBoth, table, LinkageMode.Both, scratch);
        var fresh = RuleBlocks.Build(byBoth, table, LinkageMode.Both);

        Assert.Equal(2, first.BlockCount);
        Assert.Equal(fresh.Records, reused.Records);
        Assert.Equal(fresh.Starts, reused.Starts);
        Assert.Equal(3, fresh.BlockCount);
        Assert.Equal(7, fresh.Records.Length);
    }
}
