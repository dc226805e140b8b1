using LinkService.Configuration.Projects;
using LinkService.Linkage.Blocking;
using LinkService.Linkage.Comparison;
using LinkService.Linkage.Engine;
using LinkService.Linkage.Tests.Support;

namespace LinkService.Linkage.Tests.Engine;

public sealed class TrainingVisitorTests
{
    [Fact]
    public void Patterns_CountEveryPairTheEnumeratorVisits_ThoughEachIsComparedAFewPairsLater()
    {
        // More pairs than the visitor holds back, in one block, so pairs are counted both on the way and at the merge.
        var rows = Enumerable.Range(0, 30).Select(i => ("SMITH", i % 3 == 0 ? "2000-01-01" : $"19{50 + i}-01-01")).ToArray();
        var table = Tables.Of(rows[..10], rows[10..]);
        var rules = Tables.Spec.Blocking.Select((r, i) => new CompiledRule(i, r, table)).ToArray();
        var blocks = rules.Select(r => RuleBlocks.Build(r, table, LinkageMode.Both)).ToArray();
        var hashes = new RuleHashes(blocks, table.Count);
        var comparer = new PairComparer(Tables.Spec.Comparisons, table);
        var sample = TrainingSample.For(blocks, table.Source, LinkageMode.Both, cap: 1_000_000, seed: 1);
        var training = new TrainingVisitor(comparer, rules, hashes, table.Source, sample);

        PairEnumerator.Run<TrainingVisitor.Pass, TrainingVisitor.Local>(rules, hashes, blocks, table, LinkageMode.Both, training.AsPass(), CancellationToken.None);

        var expected = (from a in Enumerable.Range(0, table.Count)
                        from b in Enumerable.Range(a + 1, table.Count - a - 1)
                        let mask = (uint)((hashes.Agrees(0, a, b) ? 1 : 0) | (hashes.Agrees(1, a, b) ? 2 : 0))
                        where mask != 0
                        group 1 by (comparer.Pattern(a, b), mask, LinkService.Linkage.Model.SourcePairs.Of(table.Source[a], table.Source[b])) into g
                        orderby g.Key
                        select (g.Key.Item1, g.Key.mask, (double)g.Count(), g.Key.Item3)).ToList();
        Assert.Equal(expected, training.Patterns.Select(p => (p.Pattern, p.RuleMask, p.Count, p.SourcePair)));
        Assert.Equal(435, training.Patterns.Sum(p => p.Count));
    }
}
