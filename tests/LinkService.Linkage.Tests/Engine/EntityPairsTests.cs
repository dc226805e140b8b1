using LinkService.Configuration.Projects;
using LinkService.Configuration.Projects.Linkage;
using LinkService.Configuration.Schemas;
using LinkService.Linkage.Blocking;
using LinkService.Linkage.Comparison;
using LinkService.Linkage.Data;
using LinkService.Linkage.Engine;
using LinkService.Linkage.Model;

namespace LinkService.Linkage.Tests.Engine;

public sealed class EntityPairsTests
{
    private static readonly LinkageSpec Spec = new()
    {
        Blocking = [new() { Keys = [new() { Field = CanonicalField.Surname }] }],
        Comparisons = [new() { Field = CanonicalField.Forename, Levels = [new() { Method = ComparisonMethod.Exact }] }],
    };

    [Fact]
    public void Score_PairJoinedThroughOthersWhoseOwnComparisonIsForAMatch_CountsAtItsPathsProbability()
    {
        // Forename agreement: m 0.9, u 0.01, +6.5 bits; the prior 1e-4 (−13.3 bits) leaves the pair on its own at −6.8
        // bits. Joined through b, a and c are one person whenever both links are true; what they agree on is for it, not
        // against it, and the prior was paid once, by the links.
        var model = new FellegiSunterModel([[0.9, 0.1]], [[0.01, 0.99]], 1e-4);
        var (table, comparer, hashes) = Build(("JOHN", "SMITH"), ("JOHN", "SMITH"), ("JOHN", "SMITH"));
        ScoredPair[] links = [new(0, 1, 10, 0.99f, 0), new(1, 2, 10, 0.99f, 0)];

        var (pairs, expectedTrue, _) = EntityPairs.Score(table, [0, 0, 0], LinkageMode.Dedupe, new PairScorer(model, comparer), comparer, links, hashes);

        Assert.Equal(3, pairs);
        Assert.Equal(0.99 + 0.99 + (0.99 * 0.99), expectedTrue, 5);
    }

    [Fact]
    public void Score_PairJoinedThroughOthersWhoseOwnComparisonIsAgainstAMatch_FallsByItsOwnOdds()
    {
        var model = new FellegiSunterModel([[0.9, 0.1]], [[0.01, 0.99]], 1e-4);
        var (table, comparer, hashes) = Build(("JOHN", "SMITH"), ("JOHN", "SMITH"), ("PAUL", "SMITH"));
        ScoredPair[] links = [new(0, 1, 10, 0.99f, 0), new(1, 2, 10, 0.99f, 0)];

        var (_, expectedTrue, _) = EntityPairs.Score(table, [0, 0, 0], LinkageMode.Dedupe, new PairScorer(model, comparer), comparer, links, hashes);

        // The forenames differ: log2(0.1 / 0.99) bits against, on the path's odds.
        var odds = 0.99 * 0.99 / (1 - (0.99 * 0.99)) * (0.1 / 0.99);
        Assert.Equal(0.99 + 0.99 + (odds / (1 + odds)), expectedTrue, 5);
    }

    private static (RecordTable Table, PairComparer Comparer, RuleHashes Hashes) Build(params (string Forename, string Surname)[] people)
    {
        var source = new SourceRecords("s0", [new SourceField(CanonicalField.Forename), new SourceField(CanonicalField.Surname)]);
        for (var i = 0; i < people.Length; i++)
        {
            source.Add($"r{i}", [people[i].Forename, people[i].Surname]);
        }

        var table = RecordTableBuilder.Build(Spec, [source], CancellationToken.None);
        var blocks = Spec.Blocking.Select((rule, r) => RuleBlocks.Build(new CompiledRule(r, rule, table), table, LinkageMode.Dedupe)).ToArray();
        return (table, new PairComparer(Spec.Comparisons, table), new RuleHashes(blocks, table.Count));
    }
}
