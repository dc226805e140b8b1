using LinkService.Configuration.Schemas;
using LinkService.Linkage.Data;

namespace LinkService.Linkage.Tests.Data;

public sealed class SourceRecordsTests
{
    [Fact]
    public void Reserve_AfterTheFirstRows_KeepsEveryIdAndValueInFirstSeenOrder()
    {
        // A column that repeats (interned) and one nearly all distinct (listed row by row past its first 65,536 rows).
        SourceField[] fields = [new(CanonicalField.Sex), new(CanonicalField.Postcode)];
        var grown = new SourceRecords("s", fields);
        var reserved = new SourceRecords("s", fields);
        const int Rows = 70_000;
        for (var r = 0; r < Rows; r++)
        {
            string?[] cells = [r % 3 == 0 ? "F" : "M", r % 10 == 4 ? null : $"P{r}"];
            grown.Add($"id{r}", cells);
            reserved.Add($"id{r}", cells);
            if (r == 99)
            {
                reserved.Reserve(Rows / 2);
            }
        }

        Assert.True(reserved.Column(1).IsListed);
        Assert.Equal(grown.Count, reserved.Count);
        for (var c = 0; c < fields.Length; c++)
        {
            Assert.Equal(grown.Column(c).Rows.ToArray(), reserved.Column(c).Rows.ToArray());
            Assert.Equal(grown.Column(c).ValueCount, reserved.Column(c).ValueCount);
            for (var id = 0; id < grown.Column(c).ValueCount; id++)
            {
                Assert.Equal(grown.Column(c).Value(id).ToString(), reserved.Column(c).Value(id).ToString());
            }
        }

        for (var r = 0; r < Rows; r++)
        {
            Assert.Equal($"id{r}", reserved.RecordIds[r].ToString());
        }
    }
}
