using LinkService.Configuration.Sources;
using LinkService.Deliveries.Reading;
using LinkService.Deliveries.Store;
using LinkService.Deliveries.Tests.Support;

namespace LinkService.Deliveries.Tests.Reading;

public sealed class DeliveryReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Read_RowOfTwentyMillionEmptyFields_StopsWithinABufferOfTheLimitHoldingLittleMemory()
    {
        var path = _temp.Write("wide.csv", Offenders.Header + "\n" + new string(',', 20_000_000) + "\n");
        using var reader = DeliveryReader.Open(Offenders.Source(), path, ReadLimits.Default);
        Assert.True(reader.Read());
        reader.ExpectColumns(reader.Count);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var failure = Assert.Throws<RowTooLargeException>(() => reader.Read());

        // The reader runs on this thread: everything it took for the row is counted here (104 million fields once took 6.6 GB).
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(failure.TooManyCells);
        Assert.Equal("a line holds more than 65,563 delimiters", failure.Message);
        Assert.True(allocated < 16 << 20, $"{allocated:N0} bytes allocated reading the row");
    }

    [Fact]
    public void Read_RowWithMoreCellsThanColumnsAndMargin_RefusedBeforeAnyCellIsTaken()
    {
        var path = _temp.Write("d.csv", Offenders.Header + "\n" + Offenders.Row(1) + "\n" + Offenders.Row(2) + new string(',', 17) + "\n");
        using var reader = DeliveryReader.Open(Offenders.Source(), path, ReadLimits.Default);
        Assert.True(reader.Read());
        reader.ExpectColumns(reader.Count);
        Assert.True(reader.Read());

        var failure = Assert.Throws<RowTooLargeException>(() => reader.Read());

        Assert.True(failure.TooManyCells);
        Assert.Equal("a row has more than 27 fields", failure.Message);
    }

    [Fact]
    public void Read_RowOfLongFieldsPastTheRecordCap_StopsBeforeHoldingItWhole()
    {
        var limits = new ReadLimits(1 << 16);
        var path = _temp.Write("long.csv", Offenders.Header + "\n" + string.Join(',', Enumerable.Repeat(new string('x', 60_000), 20)) + "\n");
        using var reader = DeliveryReader.Open(Offenders.Source(), path, limits);
        Assert.True(reader.Read());
        reader.ExpectColumns(reader.Count);

        var failure = Assert.Throws<RowTooLargeException>(() => reader.Read());

        Assert.False(failure.TooManyCells);
        Assert.Equal("a row runs past 65,536 bytes", failure.Message);
    }

    [Fact]
    public void Read_RowsAroundBlankLinesAndQuotedLineBreaks_NumbersEveryRecordAndItsFirstLine()
    {
        var path = _temp.Write("d.csv", Offenders.Header + "\n" + Offenders.Row(1) + "\n\n" + Offenders.Row(2, forenames: "\"A\r\nB\"") + "\r\n" + Offenders.Row(3) + "\n");
        using var reader = DeliveryReader.Open(Offenders.Source(), path, ReadLimits.Default);

        var seen = new List<(long Row, long Line, int Count)>();
        while (reader.Read())
        {
            seen.Add((reader.Row, reader.Line, reader.Count));
        }

        Assert.Equal([(0, 1, 11), (1, 2, 11), (2, 3, 1), (3, 4, 11), (4, 6, 11)], seen);
    }

    [Fact]
    public void Read_StrayAndUnclosedQuotesAfterABlankLine_FlagTheirOwnRowsOnly()
    {
        var path = _temp.Write("d.csv", Offenders.Header + "\n\n" + Offenders.Row(1, forenames: "Ada\"Mary") + "\n" + Offenders.Row(2) + "\n" + Offenders.Row(3, forenames: "\"Ada") + "\n" + Offenders.Row(4) + "\n");
        using var reader = DeliveryReader.Open(Offenders.Source(), path, ReadLimits.Default);

        var problems = new List<(long Row, QuoteProblem Problem)>();
        while (reader.Read())
        {
            problems.Add((reader.Row, reader.QuoteProblem));
        }

        Assert.Equal([(0, QuoteProblem.None), (1, QuoteProblem.None), (2, QuoteProblem.Stray), (3, QuoteProblem.None), (4, QuoteProblem.Unclosed)], problems);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("windows-1252")]
    [InlineData("utf-16le")]
    public void CopyCell_AwkwardCells_GivesTheTextTheIndexerGives(string encoding)
    {
        // Quotes, escaped quotes, a quoted delimiter and line break, accents, blanks, and (in UTF-8) a byte that is not text.
        var text = Offenders.Header + "\n" + Offenders.Row(1, forenames: "\"Zoë \"\"Jo\"\", Anne\nMarie\"") + "\n" + Offenders.Row(2, forenames: "Łukasz Ørsted") + "\n,,,,\n";
        var bytes = encoding switch
        {
            "utf-16le" => System.Text.Encoding.Unicode.GetBytes(text),
            "windows-1252" => System.Text.Encoding.Latin1.GetBytes(text.Replace("Ł", "L", StringComparison.Ordinal)),
            _ => [.. System.Text.Encoding.UTF8.GetBytes(text), .. "OFF3,S"u8, 0xff, (byte)'\n'],
        };
        var path = _temp.Write("d.csv", bytes);
        var source = Offenders.Source(encoding: encoding);
        using var reader = DeliveryReader.Open(source, path, ReadLimits.Default);

        var cells = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.Count + 2; i++)
            {
                var copy = new char[reader.MaxCellChars(i)];
                Assert.Equal(i < reader.Count ? reader[i] : "", new string(copy, 0, reader.CopyCell(i, copy)));
                cells++;
            }
        }

        Assert.True(cells > 30);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("windows-1252")]
    [InlineData("utf-16le")]
    public void RawCell_SameBytes_AreAlwaysTheSameText(string encoding)
    {
        // The output stage knows a cell met again by its bytes alone (RawCellIds): equal bytes must be equal text.
        string[] forenames = ["Ada", "\"Ada\"", "\"Ada \"\"Jo\"\"\"", "Zoë", "\"Zoë\"", "Ada", "", "\"\""];
        var text = Offenders.Header + "\n" + string.Join("\n", forenames.Select((f, i) => Offenders.Row(i + 1, forenames: f))) + "\n";
        var bytes = encoding switch
        {
            "utf-16le" => System.Text.Encoding.Unicode.GetBytes(text),
            "windows-1252" => System.Text.Encoding.Latin1.GetBytes(text),
            _ => System.Text.Encoding.UTF8.GetBytes(text),
        };
        using var reader = DeliveryReader.Open(Offenders.Source(encoding: encoding), _temp.Write("d.csv", bytes), ReadLimits.Default);

        var textOf = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            for (var i = 0; i < reader.Count + 2; i++)
            {
                var cell = i < reader.Count ? reader[i] : "";
                var raw = Convert.ToHexString(reader.RawCell(i));
                if (!textOf.TryAdd(raw, cell))
                {
                    Assert.Equal(textOf[raw], cell);
                }
            }
        }

        // Each of these texts came in two byte forms, quoted and bare: known by either, it is one value.
        foreach (var twice in (string[])["Ada", "Zoë", ""])
        {
            Assert.True(textOf.Values.Count(t => t == twice) >= 2, twice);
        }
    }

    [Fact]
    public void StoredCopyProblem_CopyWithTheDigestIntakeRecorded_IsNone()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(Offenders.Header + "\n" + Offenders.Row(1) + "\n");
        var path = _temp.Write("d.csv", bytes);
        using var reader = DeliveryReader.Open(Offenders.Source(), path, ReadLimits.Default, DigestOf(bytes));

        while (reader.Read())
        {
        }

        Assert.Null(reader.StoredCopyProblem());
    }

    [Fact]
    public void StoredCopyProblem_GzipCopyReadToItsLastRecord_HashesTheWholeStoredFile()
    {
        // The digest is of the stored (compressed) bytes, trailing bytes past the gzip member included.
        using var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(Offenders.Header + "\n" + Offenders.Row(1) + "\n"));
        }

        var bytes = compressed.ToArray();
        var path = _temp.Write("d.csv.gz", bytes);
        var source = Offenders.Source(compression: Compression.Gzip);
        using var intact = DeliveryReader.Open(source, path, ReadLimits.Default, DigestOf(bytes));
        using var truncated = DeliveryReader.Open(source, path, ReadLimits.Default, DigestOf(bytes[..^1]));

        Assert.Equal(2, ReadAll(intact));
        Assert.Null(intact.StoredCopyProblem());
        Assert.Equal("does not have the size recorded when it was taken: it was altered in the store", truncated.StoredCopyProblem());
    }

    private static int ReadAll(DeliveryReader reader)
    {
        var records = 0;
        while (reader.Read())
        {
            records++;
        }

        return records;
    }

    private static StoredDigest DigestOf(byte[] bytes) => new(bytes.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
}
