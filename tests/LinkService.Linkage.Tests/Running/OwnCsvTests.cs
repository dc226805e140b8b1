using System.Text;
using LinkService.Linkage.Running;

namespace LinkService.Linkage.Tests.Running;

public sealed class OwnCsvTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Read_CellsQuotedAsCsvTextWritesThem_ComeBackAsTheyWere()
    {
        string[][] rows =
        [
            ["justice", "OFF1", "plain"],
            ["a,b", "say \"hi\"", ""],
            ["\"", ",", "\"\","],
            ["Zoë", "日本", "\ud83d\ude00 x"],
            ["", "", ""],
        ];
        var path = Write("a,b,c\n" + string.Concat(rows.Select(r => string.Join(",", r.Select(CsvText.Field)) + "\n")));

        using var csv = OwnCsv.Open(path, 3);
        var read = new List<string[]>();
        while (csv.Read(TestContext.Current.CancellationToken))
        {
            read.Add([csv[0].ToString(), csv[1].ToString(), csv[2].ToString()]);
        }

        Assert.Equal(rows, read);
    }

    [Fact]
    public void Read_RowWithAnotherNumberOfCells_FailsNamingTheFileAndLineButNoValue()
    {
        var path = Write("a,b,c\nx,y,z\nsecret,value\n");

        using var csv = OwnCsv.Open(path, 3);
        Assert.True(csv.Read(TestContext.Current.CancellationToken));
        var error = Assert.Throws<InvalidDataException>(() => csv.Read(TestContext.Current.CancellationToken));

        Assert.Equal("own.csv: line 3 has 2 fields, not 3", error.Message);
    }

    [Fact]
    public void Open_SymbolicLinkWhereARunFileShouldBe_FailsNamingItWithoutReadingThrough()
    {
        var elsewhere = _dir.Combine("elsewhere.csv");
        File.WriteAllText(elsewhere, "source,record_key,person_pseudonym\njustice,OFF1,P1\n");
        var path = _dir.Combine("persons.csv");
        File.CreateSymbolicLink(path, elsewhere);

        var open = Assert.Throws<InvalidDataException>(() => OwnCsv.Open(path, 3));
        var withHeader = Assert.Throws<InvalidDataException>(() => OwnCsv.OpenWithHeader(path));

        Assert.Equal($"'{path}' is a symbolic link: the service reads its own files where it wrote them, never through a link.", open.Message);
        Assert.Equal(open.Message, withHeader.Message);
    }

    [Fact]
    public void OpenRagged_TruthFileThatIsASymbolicLink_IsReadThroughIt()
    {
        // A truth file is a person's, named on the command line: a link to it is theirs to make.
        var elsewhere = _dir.Combine("truth-data.csv");
        File.WriteAllText(elsewhere, "source,record_id,person\njustice,OFF1,P1\n");
        var path = _dir.Combine("truth.csv");
        File.CreateSymbolicLink(path, elsewhere);

        using var csv = OwnCsv.OpenRagged(path);

        Assert.True(csv.Read(TestContext.Current.CancellationToken));
        Assert.Equal("OFF1", csv[1].ToString());
    }

    [Fact]
    public void OpenWithHeader_GivesTheNamesAndReadsEveryRowAfterThem()
    {
        var path = Write("person_pseudonym,\"odd, name\"\r\nP-1,\"multi\r\nline\"\r\nP-2,b\r\n");

        using var csv = OwnCsv.OpenWithHeader(path);
        var cells = new List<string>();
        while (csv.Read(TestContext.Current.CancellationToken))
        {
            cells.Add(csv[0].ToString() + "|" + csv[1].ToString());
        }

        Assert.Equal(["person_pseudonym", "odd, name"], csv.Header);
        Assert.Equal(["P-1|multi\r\nline", "P-2|b"], cells);
    }

    [Fact]
    public void Read_EveryBlockSize_GivesTheSameRowsAndLines()
    {
        // Line breaks, doubled quotes, CR LF and characters of several bytes inside quoted fields, wherever a block ends.
        var text = "k,v\r\n\"a\r\nb\",\"x\"\"y\"\r\nplain,\"\"\r\n\"Zoë,\n\ud83d\ude00\",\"\"\"\"\"\"\nlast,\"end\"";
        var path = Write(text);
        string[] expected = ["2:a\r\nb|x\"y", "4:plain|", "5:Zoë,\n\ud83d\ude00|\"\"", "7:last|end"];

        for (var block = 1; block <= Encoding.UTF8.GetByteCount(text) + 1; block++)
        {
            using var csv = new OwnCsv(path, 2, block);
            var read = new List<string>();
            while (csv.Read(TestContext.Current.CancellationToken))
            {
                read.Add($"{csv.Line}:{csv[0]}|{csv[1]}");
            }

            Assert.Equal(expected, read);
        }
    }

    [Fact]
    public void Read_RecordLongerThanTheCap_FailsNamingTheFileAndLineButNoValue()
    {
        // A line of gigabytes (a truth file made by truncate -s 3G) took the buffer past what one array holds, and the
        // command failed with an ArgumentOutOfRangeException naming nothing.
        var path = Write("a,b\nx,y\n" + new string('s', 300) + ",v\n");

        using var csv = new OwnCsv(path, 2, blockBytes: 16, maxRecordBytes: 256);
        Assert.True(csv.Read(TestContext.Current.CancellationToken));
        var error = Assert.Throws<InvalidDataException>(() => csv.Read(TestContext.Current.CancellationToken));

        Assert.Equal("own.csv: line 3 is longer than 256 bytes", error.Message);
    }

    [Fact]
    public void Read_QuotedFieldLongerThanTheCap_FailsNamingTheFileAndLineButNoValue()
    {
        // A quoted field is gathered outside the buffer the cap watched: a truth file opening a quote and going on for
        // gigabytes grew it until no array could hold it.
        var path = Write("a,b\nx,y\n\"" + new string('s', 300) + "\",v\n");

        using var csv = new OwnCsv(path, 2, blockBytes: 16, maxRecordBytes: 256);
        Assert.True(csv.Read(TestContext.Current.CancellationToken));
        var error = Assert.Throws<InvalidDataException>(() => csv.Read(TestContext.Current.CancellationToken));

        Assert.Equal("own.csv: line 3 is longer than 256 bytes", error.Message);
    }

    [Fact]
    public void OpenRagged_RowOfMoreCellsThanTheCap_FailsNamingTheFileAndLine()
    {
        // A truth file line of commas alone grew the cells one at a time, each with its own buffer: a few hundred
        // thousand of them and `evaluate` never ended.
        var path = Write("source,record_id,person_id\njustice,OFF1,P1\n" + new string(',', OwnCsv.MaxRaggedFields) + "\n");

        using var csv = OwnCsv.OpenRagged(path);
        Assert.True(csv.Read(TestContext.Current.CancellationToken));
        var error = Assert.Throws<InvalidDataException>(() => csv.Read(TestContext.Current.CancellationToken));

        Assert.Equal($"own.csv: line 3 has more than {OwnCsv.MaxRaggedFields} fields", error.Message);
    }

    [Fact]
    public void OpenRagged_HeaderOfMoreCellsThanTheCap_FailsNamingTheFileAndLine()
    {
        var path = Write(new string(',', OwnCsv.MaxRaggedFields) + "\njustice,OFF1,P1\n");

        var error = Assert.Throws<InvalidDataException>(() => OwnCsv.OpenRagged(path));

        Assert.Equal($"own.csv: line 1 has more than {OwnCsv.MaxRaggedFields} fields", error.Message);
    }

    [Fact]
    public void OpenRagged_RowOfAsManyCellsAsTheCap_IsRead()
    {
        var path = Write("source,record_id,person_id\n" + new string(',', OwnCsv.MaxRaggedFields - 1) + "\n");

        using var csv = OwnCsv.OpenRagged(path);

        Assert.True(csv.Read(TestContext.Current.CancellationToken));
        Assert.Equal(OwnCsv.MaxRaggedFields, csv.FieldCount);
    }

    [Fact]
    public void Read_QuoteNeverClosed_FailsNamingTheFileAndLineButNoValue()
    {
        var path = Write("a,b\nx,y\nsecret,\"value\n");

        using var csv = OwnCsv.Open(path, 2);
        Assert.True(csv.Read(TestContext.Current.CancellationToken));
        var error = Assert.Throws<InvalidDataException>(() => csv.Read(TestContext.Current.CancellationToken));

        Assert.Equal("own.csv: line 3 has a quoted field that is never closed", error.Message);
    }

    [Fact]
    public void OpenRagged_RowsOfEveryWidth_ComeWithTheirOwnCountAndLineAndBlankLinesAreSkipped()
    {
        var path = Write("source,record_id,person_id\n\njustice,\"OFF,\n1\",P1,extra\nwelfare,C1\n\n\"a\"\"b\",C2,P2\n");

        using var csv = OwnCsv.OpenRagged(path);
        var read = new List<string>();
        while (csv.Read(TestContext.Current.CancellationToken))
        {
            read.Add($"{csv.Line}:" + string.Join("|", Enumerable.Range(0, csv.FieldCount).Select(i => csv[i].ToString())));
        }

        Assert.Equal(["source", "record_id", "person_id"], csv.Header);
        Assert.Equal(["3:justice|OFF,\n1|P1|extra", "5:welfare|C1", "7:a\"b|C2|P2"], read);
    }

    private string Write(string text)
    {
        var path = _dir.Combine("own.csv");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}
