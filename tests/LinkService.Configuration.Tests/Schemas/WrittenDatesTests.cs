using System.Globalization;
using LinkService.Configuration.Schemas;

namespace LinkService.Configuration.Tests.Schemas;

public sealed class WrittenDatesTests
{
    [Fact]
    public void Formats_EachKindOfField_IsTheLayoutsValidationAccepts()
    {
        Assert.Equal(["yyyy-MM-dd"], WrittenDates.Formats(FieldType.Date, null)!);
        Assert.Equal(WrittenDates.IsoDateTimes, WrittenDates.Formats(FieldType.Datetime, "default"));
        Assert.Equal(["dd/MM/yyyy"], WrittenDates.Formats(FieldType.Date, "%d/%m/%Y")!);
        Assert.Null(WrittenDates.Formats(FieldType.Date, "any"));
    }

    [Theory]
    [InlineData("2020-03-04T10:00:00", "2020-03-04")]
    [InlineData("2020-03-04T10:00:00.5", "2020-03-04")]
    [InlineData("2020-03-04T10:00:00.5Z", "2020-03-04")]
    [InlineData("2020-01-01T02:00:00+05:00", "2020-01-01")]
    [InlineData("2020-12-31T23:30:00-05:00", "2020-12-31")]
    [InlineData("2020-03-04", null)]
    [InlineData("04/03/2020T10:00:00", null)]
    public void Date_IsoDatetime_IsTheDateItWasWrittenWith(string cell, string? expected)
    {
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), WrittenDates.Date(cell, WrittenDates.IsoDateTimes));
    }

    [Fact]
    public void Date_AnyLayout_ReadsWhatDotNetReads()
    {
        Assert.Equal(new DateOnly(2020, 3, 4), WrittenDates.Date("4 March 2020", null));
        Assert.Null(WrittenDates.Date("not a date", null));
    }

    /// <summary>.NET gives a cell with no year the year it is read in (and one with no date, the day): the date would depend on the day each reader read it.</summary>
    [Theory]
    [InlineData("Jan 5")]
    [InlineData("12/25")]
    [InlineData("10:30")]
    [InlineData("10:30:00+01:00")]
    [InlineData("Jan 1 00:30 +01:00")]
    public void Date_AnyLayoutWithNoYear_IsNotADate(string cell)
    {
        Assert.Null(WrittenDates.Date(cell, null));
        Assert.False(WrittenDates.TryRead(cell, null, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime _));
    }

    [Theory]
    [InlineData("Jan 5, 2021", 2021, 1, 5)]
    [InlineData("5/1/21", 2021, 5, 1)]
    [InlineData("Tuesday, 5 January 2021", 2021, 1, 5)]
    [InlineData("2021-01-05T10:30:00+02:00", 2021, 1, 5)]
    [InlineData("0001-01-01 10:15", 1, 1, 1)]
    public void Date_AnyLayoutWithAYear_IsTheDateWritten(string cell, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), WrittenDates.Date(cell, null));
}
