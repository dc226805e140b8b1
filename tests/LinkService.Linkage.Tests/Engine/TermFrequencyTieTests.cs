using LinkService.Configuration.Projects.Linkage;
using LinkService.Configuration.Schemas;
using LinkService.Linkage.Comparison;
using LinkService.Linkage.Data;
using LinkService.Linkage.Engine;
using LinkService.Linkage.Model;

namespace LinkService.Linkage.Tests.Engine;

public sealed class TermFrequencyTieTests
{
    private static readonly LinkageSpec Spec = new()
    {
        Blocking = [new() { Keys = [new() { Field = CanonicalField.Surname }] }],
        Comparisons =
        [
            new() { Field = CanonicalField.Forename, TermFrequency = true, Levels = [new() { Method = ComparisonMethod.Exact }] },
            new() { Field = CanonicalField.Surname, TermFrequency = true, Levels = [new() { Method = ComparisonMethod.Exact }] },
            new() { Field = CanonicalField.Sex, Levels = [new() { Method = ComparisonMethod.Exact }] },
        ],
    };

    // u of exact agreement: forename 0.01, surname 0.01, sex 0.5.
    private static readonly FellegiSunterModel Model = new([[0.9, 0.1], [0.9, 0.1], [0.95, 0.05]], [[0.01, 0.99], [0.01, 0.99], [0.5, 0.5]], 0.01);

    [Fact]
    public void Weight_WomansNameAndSexAgreeing_TheSexAddsNothingTheNameHadNotSaid()
    {
        // SARAH is only ever a woman's name: a stranger named SARAH is a woman, so sex agreement is no chance event.
        var comparer = Comparer([("SARAH", "ADAMS", "F"), ("SARAH", "BAKER", "F"), .. People(90)]);
        var pattern = comparer.Pattern(0, 1);

        var contributions = new PairScorer(Model, comparer).Contributions(0, 1, pattern);

        // f(F | SARAH) smoothed by ten records at the overall share of F (47 of 92): (2 + 10 × 47/92) / (2 + 10); u(sex) = 0.5.
        var womanGivenSarah = (2 + (10 * 47.0 / 92)) / 12;
        Assert.Equal(Math.Log2(0.95 / 0.5) + Math.Log2(0.5 / womanGivenSarah), contributions[2], 10);
    }

    [Fact]
    public void Weight_NameEitherSexBearsInProportion_LeavesTheSexWeightAsItIs()
    {
        var comparer = Comparer([("SAM", "ADAMS", "F"), ("SAM", "BAKER", "F"), ("SAM", "COOK", "M"), ("SAM", "DYER", "M"), .. People(90)]);
        var pattern = comparer.Pattern(0, 1);

        var contributions = new PairScorer(Model, comparer).Contributions(0, 1, pattern);

        Assert.Equal(Math.Log2(0.95 / 0.5), contributions[2], 10);
    }

    [Fact]
    public void Find_SexTiesToTheForenameOnly_NotAlsoToTheSurname()
    {
        var comparer = Comparer(People(200));

        var ties = TermFrequencyTie.Find(comparer);

        var tie = Assert.Single(ties);
        Assert.Equal((0, 2), (tie.Field, tie.Tied));
    }

    private static IEnumerable<(string Forename, string Surname, string Sex)> People(int count) =>
        Enumerable.Range(0, count).Select(i => (i % 2 == 0 ? $"ANNE{i % 10}" : $"JOHN{i % 10}", $"NAME{i % 7}", i % 2 == 0 ? "F" : "M"));

    private static PairComparer Comparer(IEnumerable<(string Forename, string Surname, string Sex)> people)
    {
        var source = new SourceRecords("s0", [new SourceField(CanonicalField.Forename), new SourceField(CanonicalField.Surname), new SourceField(CanonicalField.Sex)]);
        var i = 0;
        foreach (var (forename, surname, sex) in people)
        {
            source.Add($"r{i++}", [forename, surname, sex]);
        }

        var table = RecordTableBuilder.Build(Spec, [source], CancellationToken.None);
        return new PairComparer(Spec.Comparisons, table);
    }
}
