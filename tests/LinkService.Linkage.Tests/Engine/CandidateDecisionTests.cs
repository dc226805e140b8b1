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

        var decided = CandidateDecision.Apply([Pair(0, 1)], table, (_, _) => -30);

        Assert.Equal(Probability(Strong), decided.Single().Probability, 6);
    }

    [Fact]
    public void Apply_FiveEquallyGoodCandidatesOfDifferentPeople_EachFallsBelowTheMatchThreshold()
    {
        var table = Tables.Of([("SMITH", "1980-01-01")], [.. Enumerable.Repeat(("SMITH", "1980-01-01"), 5)]);

        var decided = CandidateDecision.Apply([.. Enumerable.Range(1, 5).Select(b => Pair(0, b))], table, (_, _) => -30);

        Assert.All(decided, p => Assert.InRange(p.Probability, 0.19, 0.21));
    }

    [Fact]
    public void Apply_CandidatesThatAreOnePerson_AreNotRivals()
    {
        // A welfare claimant with two claims: both are the justice record's match, and the two claims match each other.
        var table = Tables.Of([("SMITH", "1980-01-01")], [("SMITH", "1980-01-01"), ("SMITH", "1980-01-01")]);

        var decided = CandidateDecision.Apply([Pair(0, 1), Pair(0, 2)], table, (_, _) => 30);

        Assert.All(decided, p => Assert.True(p.Probability > 0.99));
    }

    [Fact]
    public void Apply_TwoStrongLinksThroughOneRecordToRecordsPlainlyDifferent_SendsBothUnderTheMatchThreshold()
    {
        // Offender 1 matches offender 0 (as an alias would) and claim 2, but claim 2 is plainly not offender 0: offender 1
        // cannot be both, so neither link is sure (before witnesses, both linked and joined 0 to 2).
        var table = Tables.Of([("SMITH", "1980-01-01"), ("SMITH", "1980-01-01")], [("SMITH", "1980-01-01")]);

        var decided = CandidateDecision.Apply([Pair(0, 1), Pair(1, 2)], table, (x, y) => (x, y) is (0, 2) or (2, 0) ? -30 : 30);

        Assert.All(decided, p => Assert.InRange(p.Probability, 0.45, 0.55));
    }

    [Fact]
    public void Apply_CandidateInAnotherSourceThatMatchesThePartnerToo_LeavesThePairsProbability()
    {
        var table = Tables.Of([("SMITH", "1980-01-01"), ("SMITH", "1980-01-01")], [("SMITH", "1980-01-01")]);

        var decided = CandidateDecision.Apply([Pair(0, 1), Pair(1, 2)], table, (_, _) => 30);

        Assert.All(decided, p => Assert.Equal(Probability(Strong), p.Probability, 6));
    }

    private static ScoredPair Pair(int a, int b) => new(a, b, Strong, Probability(Strong), 0);

    private static float Probability(double weight) => (float)(1 / (1 + Math.Pow(2, -weight)));
}
