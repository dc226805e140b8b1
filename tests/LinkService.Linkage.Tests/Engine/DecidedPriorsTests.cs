using LinkService.Linkage.Engine;
using LinkService.Linkage.Model;
using LinkService.Linkage.Tests.Support;

namespace LinkService.Linkage.Tests.Engine;

public sealed class DecidedPriorsTests
{
    [Fact]
    public void Settle_TrainingPriorTenTimesTheMatchesFound_SettlesWhereThePriorIsTheDecidedMatchesOverAllPairs()
    {
        // Two offenders and two claims, 4 pairs across in all; training put the prior at 0.5 (two matches expected).
        // Offender 0 and claim 2 are a near-certain pair; offender 1 and claim 3 a weak one (−4 bits over the prior).
        var table = Tables.Of([("SMITH", "1980-01-01"), ("JONES", "1970-05-05")], [("SMITH", "1980-01-01"), ("JONES", "1970-05-05")]);
        var cross = SourcePairs.Of(0, 1);
        var model = new FellegiSunterModel([[0.9, 0.1]], [[0.1, 0.9]], 0.5, new Dictionary<int, double> { [cross] = 0.5 });
        List<ScoredPair> kept = [Pair(0, 2, 20), Pair(1, 3, -4)];

        var (settled, _, decided) = DecidedPriors.Settle(model, CandidateGraph.Of(kept, table), PartnerShares.Estimate(kept, table), kept, table, new Dictionary<int, double> { [cross] = 4 }, _ => (_, _) => -30);

        var prior = settled.SourcePairPriors[cross];
        Assert.Equal(decided.Sum(p => (double)p.Probability) / 4, prior, 2);
        Assert.InRange(prior, 0.25, 0.35);
        var shift = Math.Log2(prior / (1 - prior));
        Assert.Equal(-4 + shift, kept[1].Weight, 2);
    }

    private static ScoredPair Pair(int a, int b, float weight) => new(a, b, weight, (float)FellegiSunterModel.Probability(weight), 0);
}
