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

    // Validation accepts any date a 'format: any' field holds (read as .NET reads dates, invariant culture), and ISO
    // datetimes with an offset or a fraction; the linkage read only yyyy-MM-dd and yyyy-MM-ddThh:mm:ss, so a valid
    // delivery's every date of birth was missing to it, and the project linked without dates of birth, silently.
    [Theory]
    [InlineData("date", "any", "3 April 1985")]
    [InlineData("date", "any", "1985-04-03")]
    [InlineData("datetime", "default", "1985-04-03T00:00:00Z")]
    [InlineData("datetime", "default", "1985-04-03T10:15:00.5+01:00")]
    [InlineData("datetime", "any", "1985-04-03 10:15")]
    public void Read_DateOfBirthWrittenAsValidationAccepts_IsThatDateToTheLinkage(string type, string format, string written)
    {
        var config = Path.Combine(_temp.Path, "config");
        CopyTree(RepositoryConfig.Directory, config);
        var schema = Path.Combine(config, "schemas", "offenders.json");
        const string Declared = "{ \"name\": \"date_of_birth\", \"type\": \"date\", \"format\": \"%d/%m/%Y\",";
        Assert.Contains(Declared, File.ReadAllText(schema), StringComparison.Ordinal);
        File.WriteAllText(schema, File.ReadAllText(schema).Replace(Declared, $"{{ \"name\": \"date_of_birth\", \"type\": \"{type}\", \"format\": \"{format}\",", StringComparison.Ordinal));
        var loaded = LinkService.Configuration.Loading.ConfigCatalogLoader.Load(config);
        Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Errors));
        var path = Path.Combine(_temp.Path, "offenders_1.csv");
        File.WriteAllText(path, $"offender_id,surname,forenames,date_of_birth,sex,postcode,ni_number,offence_group,sentence_type,sentence_months,release_date\nOFF00000001,SMITH,John,{written},M,SW1A 1AA,,theft,fine,,\n");
        var spec = loaded.Catalog!.Projects["reoffending-benefits"].Linkage;

        var records = SourceRecordsReader.Read(new LinkageInput(loaded.Catalog.Sources["justice"], "d1", path, SetAsideRows.None), spec, CancellationToken.None);
        var table = RecordTableBuilder.Build(spec, [records], CancellationToken.None);

        Assert.Equal(19850403, table.Columns["date_of_birth"].Values[0]);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
