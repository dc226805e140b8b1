using LinkService.Deliveries.Reading;
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
}
