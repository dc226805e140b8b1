using LinkService.Linkage.Engine;
using LinkService.Linkage.Tests.Support;

namespace LinkService.Linkage.Tests.Engine;

public sealed class CandidateDecisionTests
{
    private const float Strong = 10;

    [Fact]
    public void Apply_OneStrongCandidateAndNoRival_KeepsItsProbability()
    {
        var table = Tables.Of([("SMITH", "1980-01-01")], [("SMITH", "1980-01-01")]);

        var decided = Candidates.Apply([Pair(0, 1)], table, (_, _) => -30, PartnerShares.None);

        Assert.Equal(Probability(Strong), decided.Single().Probability, 6);
    }

    [Fact]
    public void Apply_FiveEquallyGoodCandidatesOfDifferentPeople_EachFallsBelowTheMatchThreshold()
    {
        var table = Tables.Of([("SMITH", "1980-01-01")], [.. Enumerable.Repeat(("SMITH", "1980-01-01"), 5)]);

        var decided = Candidates.Apply([.. Enumerable.Range(1, 5).Select(b => Pair(0, b))], table, (_, _) => -30, PartnerShares.None);

        Assert.All(decided, p => Assert.InRange(p.Probability, 0.19, 0.21));
    }

    [Fact]
    public void Apply_CandidatesThatAreOnePerson_AreNotRivals()
    {
        // A welfare claimant with two claims: both are the justice record's match, and the two claims match each other.
        var table = Tables.Of([("SMITH", "1980-01-01")], [("SMITH", "1980-01-01"), ("SMITH", "1980-01-01")]);

        var decided = Candidates.Apply([Pair(0, 1), Pair(0, 2)], table, (_, _) => 30, PartnerShares.None);

        Assert.All(decided, p => Assert.True(p.Probability > 0.99));
    }

    [Fact]
    public void Apply_CandidatesKeptAsAPairThemselves_AreWeighedAtTheirKeptWeight_NotComparedAgain()
    {
        // The two claims are a kept pair, plainly one person: its kept weight is what counts, whatever a comparison
        // afresh would say (here, that they are plainly different: the engine's own weight never disagrees so).
        var table = Tables.Of([("SMITH", "1980-01-01")], [("SMITH", "1980-01-01"), ("SMITH", "1980-01-01")]);
        List<ScoredPair> kept = [Pair(0, 1), Pair(0, 2), Pair(1, 2) with { Weight = 30 }];

        var decided = Candidates.Apply(kept, table, (_, _) => -30, PartnerShares.None);

        Assert.True(decided[0].Probability > 0.99);
        Assert.True(decided[1].Probability > 0.99);
    }

    [Fact]
    public void Apply_OffenderMatchingAnotherOffenderAndAClaimPlainlyNotThem_SendsTheOffendersLinkToReviewAndKeepsTheClaims()
    {
        // Offender 1 matches offender 0 and claim 2, but claim 2 is plainly not offender 0: offender 1 cannot be both.
        // Claim 2, a third source to the two offenders, witnesses against their link (two namesakes, each with a claim
        // of their own); offender 0, of offender 1's own source, is no witness against the claim's link: a duplicate
        // that does not match the claim most often carries an error of its own (an alias forename).
        var table = Tables.Of([("SMITH", "1980-01-01"), ("SMITH", "1980-01-01")], [("SMITH", "1980-01-01")]);

        var decided = Candidates.Apply([Pair(0, 1), Pair(1, 2)], table, (x, y) => (x, y) is (0, 2) or (2, 0) ? -30 : 30, PartnerShares.None);

        Assert.InRange(decided[0].Probability, 0.45, 0.55);
        Assert.Equal(Probability(Strong), decided[1].Probability, 6);
    }

    [Fact]
    public void Apply_CandidateInAnotherSourceThatMatchesThePartnerToo_LeavesThePairsProbability()
    {
        var table = Tables.Of([("SMITH", "1980-01-01"), ("SMITH", "1980-01-01")], [("SMITH", "1980-01-01")]);

        var decided = Candidates.Apply([Pair(0, 1), Pair(1, 2)], table, (_, _) => 30, PartnerShares.None);

        Assert.All(decided, p => Assert.Equal(Probability(Strong), p.Probability, 6));
    }

    [Fact]
    public void DecideTail_WeakPairOfARecordWhoseOwnMatchIsACandidate_IsNextToNoChance()
    {
        // Offender 0's claim 1 is a strong candidate (one entity); claim 2 scored −3 bits against offender 0 (one chance
        // in nine on its own) and is another person's: offender 0 has one match among the claims, and it is claim 1.
        var table = Tables.Of([("SMITH", "1980-01-01")], [("SMITH", "1980-01-01"), ("SMITH", "1980-01-01")]);
        TailPair[] tail = [new(0, 2, -3)];

        var sum = Candidates.DecideTail(tail, [Pair(0, 1)], table, [1, 1, 2], PartnerShares.None, TestContext.Current.CancellationToken).Single();

        // Odds 2^-3 over 1 + 2^10 (the rival) + 2^-3.
        Assert.Equal(Math.Pow(2, -3) / (1 + Math.Pow(2, 10) + Math.Pow(2, -3)), sum, 6);
    }

    [Fact]
    public void DecideTail_WeakPairWithNoOtherCandidate_KeepsItsOwnProbability()
    {
        var table = Tables.Of([("SMITH", "1980-01-01")], [("SMITH", "1980-01-01")]);
        TailPair[] tail = [new(0, 1, -3)];

        var sum = Candidates.DecideTail(tail, [], table, [1, 2], PartnerShares.None, TestContext.Current.CancellationToken).Single();

        Assert.Equal(Probability(-3), sum, 6);
    }

    [Fact]
    public void DecideTail_WeakPairTheEntitiesJoin_IsAMatch()
    {
        var table = Tables.Of([("SMITH", "1980-01-01")], [("SMITH", "1980-01-01")]);
        TailPair[] tail = [new(0, 1, -3)];

        var decided = Candidates.DecideTail(tail, [], table, [1, 1], PartnerShares.None, TestContext.Current.CancellationToken).Single();

        Assert.Equal(1, decided);
    }

    [Fact]
    public void Apply_PairsNamedCertain_AreOneAndTheOthersDecidedWeightsWritten()
    {
        // Offender 0 with two claims: the pair with claim 1 named certain (a later round of the settled prior), the
        // pair with claim 2 decided against it as a rival: 10 − log2(1 + 2^10) bits.
        var table = Tables.Of([("SMITH", "1980-01-01")], [("SMITH", "1980-01-01"), ("SMITH", "1980-01-01")]);
        var bits = new float[2];

        var decided = Candidates.Apply([Pair(0, 1), Pair(0, 2)], table, (_, _) => -30, PartnerShares.None, bits, i => i == 0);

        Assert.Equal(1f, decided[0].Probability);
        Assert.Equal(Strong - Math.Log2(1 + Math.Pow(2, Strong)), bits[1], 5);
        Assert.Equal(Probability(bits[1]), decided[1].Probability, 6);
    }

    private static ScoredPair Pair(int a, int b) => new(a, b, Strong, Probability(Strong), 0);

    private static float Probability(double weight) => (float)(1 / (1 + Math.Pow(2, -weight)));
}
