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
}
