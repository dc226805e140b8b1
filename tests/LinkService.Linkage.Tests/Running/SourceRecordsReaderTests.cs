using System.Globalization;
using System.Text;
using LinkService.Configuration;
using LinkService.Deliveries.SetAside;
using LinkService.Linkage.Data;
using LinkService.Linkage.Running;
using LinkService.Linkage.Tests.Support;

namespace LinkService.Linkage.Tests.Running;

public sealed class SourceRecordsReaderTests : IDisposable
{
    private const int RowsEach = 3 * 8192;
    private readonly TempDirectory _temp = new();
    private readonly ConfigCatalog _catalog = RepositoryConfig.Load();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Read_ShortRowsFirstThenLongOnes_KeepsNoMoreRoomThanAnEighthOverTheRows()
    {
        // The reading sizes its columns from the first rows' length: here a tenth of the later rows', so it reserves
        // for about five times the rows there are.
        var path = Path.Combine(_temp.Path, "offenders_1.csv");
        var csv = new StringBuilder("offender_id,surname,forenames,date_of_birth,sex,postcode,ni_number,offence_group,sentence_type,sentence_months,release_date\n");
        for (var r = 0; r < RowsEach; r++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{r},,,,,,,,,,\n");
        }

        for (var r = RowsEach; r < 2 * RowsEach; r++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"J{r:D12},SURNAME{r:D8},FORENAME{r:D8} MIDDLE{r:D6},{1 + (r % 28):D2}/03/1971,M,SW{r % 90:D2} {r % 9}AB,AB{r % 1_000_000:D6}C,theft of a motor vehicle,custodial sentence,12,01/02/2020\n");
        }

        File.WriteAllText(path, csv.ToString());
        var spec = _catalog.Projects["reoffending-benefits"].Linkage;

        var records = SourceRecordsReader.Read(new LinkageInput(_catalog.Sources["justice"], "d1", path, SetAsideRows.None), spec, CancellationToken.None);

        Assert.Equal(2 * RowsEach, records.Count);
        Assert.Equal($"J{(2 * RowsEach) - 1:D12}", records.RecordIds[records.Count - 1].ToString());
        Assert.True(records.RecordIds.Capacity <= SourceRecords.Slack(records.Count), $"record ids: room for {records.RecordIds.Capacity} of {records.Count}");
        for (var f = 0; f < records.Fields.Count; f++)
        {
            var column = records.Column(f);
            Assert.Equal(records.Count, column.Count);
            Assert.True(column.Capacity <= SourceRecords.Slack(records.Count), $"{records.Fields[f].Canonical}: room for {column.Capacity} of {records.Count} rows");
        }
    }
}
