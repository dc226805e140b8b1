using LinkService.Validation.Cells;

namespace LinkService.Validation.Tests.Cells;

public sealed class DateShapesTests
{
    [Theory]
    [InlineData("1980-05-31", "yyyy-mm-dd")]
    [InlineData("31/05/1980", "dd/mm/yyyy")]
    [InlineData("05/31/1980", "mm/dd/yyyy")]
    [InlineData("31-05-1980", "dd-mm-yyyy")]
    [InlineData("19800531", "yyyymmdd")]
    [InlineData("1980-05-31T10:00:00", "yyyy-mm-ddThh:mm:ss")]
    public void Label_OneValue_NamesItsLayout(string value, string layout)
    {
        Assert.Equal(layout, DateShapes.Label(DateShapes.Of(value)));
    }

    [Fact]
    public void Label_DayAndMonthBothTwelveOrLess_ReadDayFirst()
    {
        Assert.Equal("dd/mm/yyyy", DateShapes.Label(DateShapes.Of("05/06/1980")));
    }

    [Fact]
    public void Label_AmbiguousAndMonthFirstValuesTogether_MonthFirst()
    {
        Assert.Equal("mm/dd/yyyy", DateShapes.Label(DateShapes.Of("05/06/1980") & DateShapes.Of("12/31/1980")));
    }

    [Fact]
    public void Label_DayFirstAndMonthFirstValuesTogether_NoLayout()
    {
        Assert.Null(DateShapes.Label(DateShapes.Of("31/12/1980") & DateShapes.Of("12/31/1980")));
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("1980-13-01")]
    [InlineData("")]
    public void Of_NotADate_NoLayout(string value)
    {
        Assert.Equal(0, DateShapes.Of(value));
    }

    [Fact]
    public void Readable_StrftimePattern_AsDepartmentsWriteIt()
    {
        Assert.Equal("dd/mm/yyyy hh:mm:ss", DateShapes.Readable("%d/%m/%Y %H:%M:%S"));
    }
}
