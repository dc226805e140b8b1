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

    [Theory]
    [InlineData(LinkageMode.Link)]
    [InlineData(LinkageMode.Dedupe)]
    [InlineData(LinkageMode.Both)]
    public void Run_ThreeSourcesInOneBlock_VisitsEachPairTheModeCompares(LinkageMode mode)
    {
        var table = Tables.Of([("SMITH", "2000-01-01"), ("SMITH", "2000-01-01")], [("SMITH", "2000-01-01")], [("SMITH", "2000-01-01"), ("SMITH", "2000-01-01")]);
        var expected = (from a in Enumerable.Range(0, table.Count)
                        from b in Enumerable.Range(a + 1, table.Count - a - 1)
                        let same = table.Source[a] == table.Source[b]
                        where mode == LinkageMode.Both || (mode == LinkageMode.Link) != same
                        select (0, a, b)).ToList();

        var visits = Visit(table, mode);

        Assert.Equal(expected, visits);
    }

    [Fact]
    public void Run_PairTheVisitorDoesNotWant_IsNotVisited()
    {
        var table = Tables.Of([("SMITH", "2000-01-01"), ("JONES", "1990-05-05")], [("SMITH", "2000-01-01"), ("SMITH", "1980-02-02"), ("BROWN", "1990-05-05")]);

        var visits = Visit(table, LinkageMode.Link, wanted: (a, b) => b != 2);

        Assert.Equal([(0, 0, 3), (1, 1, 4)], visits);
    }

    private static List<(int Rule, int A, int B)> Visit(LinkService.Linkage.Data.RecordTable table, LinkageMode mode, IReadOnlyList<BlockingRuleSpec>? specs = null, Func<int, int, bool>? wanted = null)
    {
        var rules = (specs ?? Tables.Spec.Blocking).Select((r, i) => new CompiledRule(i, r, table)).ToArray();
        var blocks = rules.Select(r => RuleBlocks.Build(r, table, mode)).ToArray();
        var hashes = new RuleHashes(blocks, table.Count);
        var visitor = new CollectingVisitor(wanted ?? ((_, _) => true));
        PairEnumerator.Run(rules, hashes, blocks, table, mode, visitor, CancellationToken.None);
        return [.. visitor.Pairs.Order()];
    }

    private sealed class CollectingVisitor(Func<int, int, bool> wanted) : IPairVisitor<List<(int, int, int)>>
    {
        public bool Wants(int a, int b) => wanted(a, b);

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
