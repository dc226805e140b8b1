using LinkService.Configuration.Projects.Linkage;
using LinkService.Configuration.Schemas;
using LinkService.Linkage.Comparison;
using LinkService.Linkage.Data;
using LinkService.Linkage.Engine;
using LinkService.Linkage.Model;

namespace LinkService.Linkage.Tests.Engine;

public sealed class PostcodeTieTests
{
    private static readonly LinkageSpec Spec = new()
    {
        Blocking = [new() { Keys = [new() { Field = CanonicalField.Postcode }] }],
        Comparisons =
        [
            new() { Field = CanonicalField.Surname, Levels = [new() { Method = ComparisonMethod.Exact }] },
            new() { Field = CanonicalField.DateOfBirth, Levels = [new() { Method = ComparisonMethod.Exact }] },
            new() { Field = CanonicalField.Postcode, Levels = [new() { Method = ComparisonMethod.Exact }] },
        ],
    };

    // u of exact postcode agreement 0.001, as random pairs that saw none would put it: 9.8 bits for agreement.
    private static readonly FellegiSunterModel Model = new([[0.9, 0.1], [0.9, 0.1], [0.9, 0.1]], [[0.01, 0.99], [0.01, 0.99], [0.001, 0.999]], 0.01);

    private static readonly (string Surname, string Born, string Postcode)[] People =
    [
        ("ADAMS", "1980-01-01", "AB1 2CD"),
        ("BAKER", "1990-02-02", "AB1 2CD"),
        ("ADAMS", "1970-03-03", "AB1 2CD"),
        ("COOK", "1980-01-01", "EF3 4GH"),
        ("DYER", "1960-04-04", "IJ5 6KL"),
        ("EVANS", "1950-05-05", "MN7 8PQ"),
    ];

    [Fact]
    public void Weight_PostcodeAgreesSurnamesDiffer_ScoresThePostcodeAgainstTheCountedU()
    {
        var comparer = Comparer(People);

        var contributions = new PairScorer(Model, comparer).Contributions(0, 1, comparer.Pattern(0, 1));

        // 15 pairs; 1 shares a surname, 1 a date of birth, none both: 13 differ on both. Of the 3 sharing a postcode, 1
        // shares the surname too: 2 counted. u = (2 + ½) / (13 + 1).
        Assert.Equal(Math.Log2(0.9 / (2.5 / 14)), contributions[2], 10);
    }

    [Fact]
    public void Weight_PostcodeAndSurnameAgree_KeepsTheModelsU()
    {
        var comparer = Comparer(People);

        var contributions = new PairScorer(Model, comparer).Contributions(0, 2, comparer.Pattern(0, 2));

        Assert.Equal(Math.Log2(0.9 / 0.001), contributions[2], 10);
    }

    [Theory]
    [InlineData(400, 30, 12, 20)]
    [InlineData(6_000, 9_000, 40, 28)] // More postcodes than one worker's range: counted in parts and added up.
    public void Count_TwoSources_CountsEveryPairAsComparingThemOneByOneWould(int records, int postcodes, int surnames, int days)
    {
        var random = new Random(7);
        var postcode = Draw(random, records, postcodes);
        var surname = Draw(random, records, surnames);
        var born = Draw(random, records, days).Select(d => d == 0 ? 0 : 19800100 + d).ToArray();
        var source = Enumerable.Range(0, records).Select(r => (byte)(r % 3 == 0 ? 0 : 1)).ToArray();

        var (agreeing, pairs) = PostcodeTie.Count(postcode, postcodes + 1, surname, surnames + 1, born, source, 2);

        var expectedAgreeing = new long[4];
        var expectedPairs = new long[4];
        for (var a = 0; a < records; a++)
        {
            for (var b = a + 1; b < records; b++)
            {
                if (postcode[a] == 0 || postcode[b] == 0 || surname[a] == 0 || surname[b] == 0 || born[a] == 0 || born[b] == 0
                    || surname[a] == surname[b] || born[a] == born[b])
                {
                    continue;
                }

                var key = (Math.Min(source[a], source[b]) * 2) + Math.Max(source[a], source[b]);
                expectedPairs[key]++;
                expectedAgreeing[key] += postcode[a] == postcode[b] ? 1 : 0;
            }
        }

        Assert.Equal(expectedAgreeing, agreeing);
        Assert.Equal(expectedPairs, pairs);
        Assert.All(expectedAgreeing.Where((_, i) => i != 2), n => Assert.True(n > 0));
    }

    // Values 1..count, and 0 (missing) one time in ten.
    private static int[] Draw(Random random, int records, int count) =>
        [.. Enumerable.Range(0, records).Select(_ => random.Next(10) == 0 ? 0 : random.Next(1, count + 1))];

    private static PairComparer Comparer(IEnumerable<(string Surname, string Born, string Postcode)> people)
    {
        var source = new SourceRecords("s0", [new SourceField(CanonicalField.Surname), new SourceField(CanonicalField.DateOfBirth), new SourceField(CanonicalField.Postcode)]);
        var i = 0;
        foreach (var (surname, born, postcode) in people)
        {
            source.Add($"r{i++}", [surname, born, postcode]);
        }

        var table = RecordTableBuilder.Build(Spec, [source], CancellationToken.None);
        return new PairComparer(Spec.Comparisons, table);
    }
}
