using LinkService.Linkage.Data;
using LinkService.Linkage.Engine;
using LinkService.Linkage.Tests.Support;

namespace LinkService.Linkage.Tests.Engine;

public sealed class PartnerSharesTests
{
    [Fact]
    public void Estimate_EachRecordsBestCandidateInTheOtherSource_AveragedOverItsSource()
    {
        // Offenders 0 and 1, claims 2, 3 and 4: offender 0's best claim is at 0.9, offender 1's at 0.2; claim 2's best
        // offender at 0.9, claim 3's at 0.5, claim 4's at 0.2.
        var table = Table(offenders: 2, claims: 3);

        var shares = PartnerShares.Estimate([Pair(0, 2, 0.9f), Pair(0, 3, 0.5f), Pair(1, 4, 0.2f)], table);

        Assert.Equal(0.55, shares.Share(0, 1), 6);
        Assert.Equal(1.6 / 3, shares.Share(1, 0), 6);
        Assert.Equal(0, shares.Share(0, 0));
        Assert.Equal(-Math.Log2(0.45 * (1 - (1.6 / 3))), shares.LiftBits(0, 1), 6);
        Assert.Equal(shares.LiftBits(0, 1), shares.LiftBits(1, 0), 12);
    }

    [Fact]
    public void LiftBits_SourcesOfNearlyTheSamePeople_StopsAtSixteenfold()
    {
        var table = Table(offenders: 1, claims: 1);

        var shares = PartnerShares.Estimate([Pair(0, 1, 0.999f)], table);

        Assert.Equal(PartnerShares.MaxLiftBits, shares.LiftBits(0, 1));
    }

    [Fact]
    public void Apply_LonePairWhenHalfOfEachSourcesRecordsHaveAPartner_GainsTwoBits()
    {
        // Even odds on its own; but either record has a partner one time in two, and it has no other candidate, so
        // "neither has a partner" (a quarter) is all that stands against it: odds 4, probability 0.8.
        var table = Table(offenders: 1, claims: 1);
        List<ScoredPair> kept = [Pair(0, 1, 0.5f)];

        var decided = Candidates.Apply(kept, table, (_, _) => -30, PartnerShares.Estimate(kept, table));

        Assert.Equal(0.8, decided.Single().Probability, 6);
    }

    [Fact]
    public void Apply_FiveEquallyGoodCandidatesOfDifferentPeople_GainNothingOverEachOther()
    {
        // Each at even odds, lifted fourfold as a rival as well as a candidate: 4 / (1 + 4 × 4), under a fifth.
        var table = Table(offenders: 1, claims: 5);
        List<ScoredPair> kept = [.. Enumerable.Range(1, 5).Select(b => Pair(0, b, 0.5f))];
        // Shares of a half each (one offender, two claims, one of them its candidate): a lift of two bits.
        var shares = PartnerShares.Estimate([Pair(0, 1, 0.5f)], Table(offenders: 1, claims: 1));

        var decided = Candidates.Apply(kept, table, (_, _) => -30, shares);

        Assert.Equal(2, shares.LiftBits(0, 1), 6);
        Assert.All(decided, p => Assert.Equal(4.0 / 21, p.Probability, 6));
    }

    private static RecordTable Table(int offenders, int claims) =>
        Tables.Of([.. Enumerable.Repeat(("SMITH", "1980-01-01"), offenders)], [.. Enumerable.Repeat(("SMITH", "1980-01-01"), claims)]);

    private static ScoredPair Pair(int a, int b, float probability) => new(a, b, (float)Math.Log2(probability / (1 - probability)), probability, 0);
}
