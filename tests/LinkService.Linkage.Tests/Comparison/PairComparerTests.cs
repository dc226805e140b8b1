using LinkService.Configuration.Projects.Linkage;
using LinkService.Configuration.Schemas;
using LinkService.Linkage.Comparison;
using LinkService.Linkage.Data;

namespace LinkService.Linkage.Tests.Comparison;

public sealed class PairComparerTests
{
    private static readonly LinkageSpec Spec = new()
    {
        Blocking = [new() { Keys = [new() { Field = CanonicalField.Postcode }] }],
        Comparisons =
        [
            new()
            {
                Field = CanonicalField.Postcode,
                Levels = [new() { Method = ComparisonMethod.Exact }, new() { Method = ComparisonMethod.PostcodeSector }, new() { Method = ComparisonMethod.PostcodeDistrict }, new() { Method = ComparisonMethod.PostcodeArea }],
            },
        ],
    };

    [Fact]
    public void Pattern_PostcodeLevels_AreThoseOfTheValuesAlone()
    {
        // The comparer reads postcode sectors, districts and areas from the records' rows; each pair's level must be the
        // one the two postcodes give when compared by value.
        string?[] postcodes = ["SW1A 1AA", "SW1A 1AB", "SW1A 2AA", "SW1B 1AA", "SE1 7PB", "M1 1AE", null, "sw1a1aa", "XYZ"];
        var source = new SourceRecords("s0", [new SourceField(CanonicalField.Postcode)]);
        for (var i = 0; i < postcodes.Length; i++)
        {
            source.Add($"r{i}", [postcodes[i]]);
        }

        var table = RecordTableBuilder.Build(Spec, [source], CancellationToken.None);
        var comparer = new PairComparer(Spec.Comparisons, table);
        var postcode = comparer.Comparisons[0];
        var levels = new List<int>();
        for (var a = 0; a < table.Count; a++)
        {
            for (var b = 0; b < table.Count; b++)
            {
                var level = ComparisonVector.Level(comparer.Pattern(a, b), 0);
                Assert.Equal(postcode.Evaluate(comparer.Value(a, 0), comparer.Value(b, 0), a, b), level);
                levels.Add(level);
            }
        }

        // Every level is met, so none is read from an empty slot.
        Assert.Equal([0, 1, 2, 3, 4, ComparisonVector.Missing], levels.Distinct().Order());
    }

    [Theory]
    [InlineData(ComparisonMethod.DamerauLevenshtein, false)]
    [InlineData(ComparisonMethod.Levenshtein, false)]
    [InlineData(ComparisonMethod.DamerauLevenshtein, true)]
    [InlineData(ComparisonMethod.Levenshtein, true)]
    public void Pattern_EditDistanceOfShortValues_IsThatOfTheValuesAlone(ComparisonMethod method, bool withLongValues)
    {
        // NI numbers fit in their records' rows (eight characters), where the comparer reads them; each pair's level
        // must be the one the two values give when compared by their text in the pool, also beside values too long to
        // pack (read from the pool), compared with each other and with those that pack.
        string?[] numbers = ["AB123456", "AB124356", "AB123457", "BA123456", "AB12345", "CD987654", null, .. withLongValues ? new[] { "AB1234567", "AB1234576", "AB12345678" } : []];
        var spec = new LinkageSpec
        {
            Blocking = [new() { Keys = [new() { Field = CanonicalField.NationalInsuranceNumber }] }],
            Comparisons = [new() { Field = CanonicalField.NationalInsuranceNumber, Levels = [new() { Method = ComparisonMethod.Exact }, new() { Method = method, Distance = 1 }] }],
        };
        var source = new SourceRecords("s0", [new SourceField(CanonicalField.NationalInsuranceNumber, Standardiser: StandardiseAs.Reference)]);
        for (var i = 0; i < numbers.Length; i++)
        {
            source.Add($"r{i}", [numbers[i]]);
        }

        var table = RecordTableBuilder.Build(spec, [source], CancellationToken.None);
        var comparer = new PairComparer(spec.Comparisons, table);
        var levels = new List<int>();
        for (var a = 0; a < table.Count; a++)
        {
            for (var b = 0; b < table.Count; b++)
            {
                var level = ComparisonVector.Level(comparer.Pattern(a, b), 0);
                Assert.Equal(comparer.Comparisons[0].Evaluate(comparer.Value(a, 0), comparer.Value(b, 0), a, b), level);
                levels.Add(level);
            }
        }

        Assert.Equal([0, 1, 2, ComparisonVector.Missing], levels.Distinct().Order());
    }
}
