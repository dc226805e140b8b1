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
}
