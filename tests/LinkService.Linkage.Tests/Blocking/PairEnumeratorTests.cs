using LinkService.Configuration.Projects;
using LinkService.Configuration.Projects.Linkage;
using LinkService.Configuration.Schemas;
using LinkService.Linkage.Blocking;
using LinkService.Linkage.Tests.Support;

namespace LinkService.Linkage.Tests.Blocking;

public sealed class PairEnumeratorTests
{
    [Fact]
    public void Run_PairGeneratedByTwoRules_IsVisitedOnceUnderTheFirst()
    {
        var table = Tables.Of([("SMITH", "2000-01-01"), ("JONES", "1990-05-05")], [("SMITH", "2000-01-01"), ("SMITH", "1980-02-02"), ("BROWN", "1990-05-05")]);

        var visits = Visit(table, LinkageMode.Link);

        Assert.Equal([(0, 0, 2), (0, 0, 3), (1, 1, 4)], visits);
    }

    [Fact]
    public void Run_DedupeMode_PairsOnlyWithinASource()
    {
        var table = Tables.Of([("SMITH", "2000-01-01"), ("SMITH", "1990-05-05")], [("SMITH", "2000-01-01")]);

        var visits = Visit(table, LinkageMode.Dedupe);

        Assert.Equal([(0, 0, 1)], visits);
    }

    [Fact]
    public void Run_PairInABlockTheFirstRuleSkipped_IsVisitedUnderTheNextRule()
    {
        // Three SMITHs exceed the surname rule's cap, so that rule compares none of them; the date rule must.
        var table = Tables.Of([("SMITH", "2000-01-01"), ("SMITH", "1990-05-05")], [("SMITH", "2000-01-01")]);
        BlockingRuleSpec[] specs =
        [
            new() { Keys = [new() { Field = CanonicalField.Surname }], MaxBlockSize = 2 },
            new() { Keys = [new() { Field = CanonicalField.DateOfBirth }] },
        ];

        var visits = Visit(table, LinkageMode.Link, specs);

        Assert.Equal([(1, 0, 2)], visits);
    }

    private static List<(int Rule, int A, int B)> Visit(LinkService.Linkage.Data.RecordTable table, LinkageMode mode, IReadOnlyList<BlockingRuleSpec>? specs = null)
    {
        var rules = (specs ?? Tables.Spec.Blocking).Select((r, i) => new CompiledRule(i, r, table)).ToArray();
        var blocks = rules.Select(r => RuleBlocks.Build(r, table, mode)).ToArray();
        var hashes = new RuleHashes(blocks, table.Count);
        var visitor = new CollectingVisitor();
        PairEnumerator.Run(rules, hashes, blocks, table, mode, visitor, CancellationToken.None);
        return [.. visitor.Pairs.Order()];
    }

    private sealed class CollectingVisitor : IPairVisitor<List<(int, int, int)>>
    {
        public List<(int, int, int)> Pairs { get; } = [];

        public List<(int, int, int)> NewLocal() => [];

        public void Visit(List<(int, int, int)> local, int rule, int a, int b) => local.Add((rule, a, b));

        public void Merge(List<(int, int, int)> local)
        {
            lock (Pairs)
            {
                Pairs.AddRange(local);
            }
        }
    }
}
