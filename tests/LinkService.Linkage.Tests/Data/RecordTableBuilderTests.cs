using LinkService.Configuration.Projects.Linkage;
using LinkService.Configuration.Schemas;
using LinkService.Linkage.Data;
using LinkService.Linkage.Tests.Support;

namespace LinkService.Linkage.Tests.Data;

public sealed class RecordTableBuilderTests
{
    [Fact]
    public void Build_StopRequested_ThrowsInsteadOfStandardisingEveryRecord()
    {
        var source = new SourceRecords("s0", [new SourceField(CanonicalField.Surname), new SourceField(CanonicalField.DateOfBirth)]);
        source.Add("r0", ["SMITH", "1980-01-02"]);
        using var stop = new CancellationTokenSource();
        stop.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => RecordTableBuilder.Build(Tables.Spec, [source], stop.Token));
    }

    [Fact]
    public void Build_FieldOfTheCustodiansOwn_IsStandardisedAsItsSchemaDeclares()
    {
        var spec = new LinkageSpec
        {
            Blocking = [new() { Keys = [new() { Field = "email" }] }],
            Comparisons = [new() { Field = "email", Levels = [new() { Method = ComparisonMethod.Exact }] }],
        };
        var a = new SourceRecords("a", [new SourceField("email", Standardiser: StandardiseAs.Email)]);
        a.Add("r0", [" Jo.Bloggs@Example.org"]);
        a.Add("r1", ["not an address"]);
        var b = new SourceRecords("b", [new SourceField("email", Standardiser: StandardiseAs.Email)]);
        b.Add("r0", ["mailto:JO.BLOGGS@EXAMPLE.ORG "]);

        var table = RecordTableBuilder.Build(spec, [a, b], CancellationToken.None);

        var email = table.Columns["email"];
        Assert.Equal(StandardiseAs.Email, email.Kind);
        Assert.Equal(email.Values[0], email.Values[2]);
        Assert.Equal(0, email.Values[1]);
    }

    [Fact]
    public void Build_ColumnOfNearlyAllDistinctValues_GivesEqualValuesOneIdInFirstSeenOrder()
    {
        var spec = new LinkageSpec
        {
            Blocking = [new() { Keys = [new() { Field = CanonicalField.Postcode }] }],
            Comparisons = [new() { Field = CanonicalField.Postcode, Levels = [new() { Method = ComparisonMethod.Exact }] }],
        };
        // 70,000 codes: several blocks, each standardised on a thread of the pool while the one before is interned.
        var source = new SourceRecords("s0", [new SourceField(CanonicalField.Postcode)]);
        const int Distinct = 66_000;
        for (var r = 0; r < Distinct + 4_000; r++)
        {
            // Every postcode distinct past the rows a column is judged by; then each repeats an early one, spelled otherwise.
            var postcode = r < Distinct ? Postcode(r) : Postcode(r - Distinct + 10).ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
            source.Add($"r{r}", [r == 5 ? "" : postcode]);
        }

        var table = RecordTableBuilder.Build(spec, [source], CancellationToken.None);

        Assert.True(source.Column(0).IsListed);
        var column = table.Columns[CanonicalField.Postcode];
        Assert.Equal(0, column.Values[5]);
        Assert.Equal("AB1 6AA", column.Pool![column.Values[6]].ToString());
        for (var r = 0; r < table.Count; r++)
        {
            var expected = r >= Distinct ? column.Values[r - Distinct + 10] : r < 5 ? r + 1 : r == 5 ? 0 : r;
            Assert.Equal(expected, column.Values[r]);
        }
    }

    private static string Postcode(int n) =>
        $"AB{(n / 2600) + 1} {n % 10}{(char)('A' + (n / 10 % 26))}{(char)('A' + (n / 260 % 10))}";
}
