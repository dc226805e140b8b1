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
}
