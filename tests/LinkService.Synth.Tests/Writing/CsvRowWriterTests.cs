using LinkService.Configuration.Sources;
using LinkService.Synth.Writing;

namespace LinkService.Synth.Tests.Writing;

public sealed class CsvRowWriterTests
{
    [Fact]
    public void Field_PlainValues_AreJoinedByTheDelimiterWithoutQuotes()
    {
        var text = Write(new CsvDialect { Delimiter = "|" }, ["C1", "O'Brien", "a,b"]);

        Assert.Equal("C1|O'Brien|a,b\r\n", text);
    }

    [Fact]
    public void Field_ValueWithDelimiterQuoteOrLineBreak_IsQuotedWithQuotesDoubled()
    {
        var text = Write(new CsvDialect(), ["a,b", "say \"hi\"", "two\nlines"]);

        Assert.Equal("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n", text);
    }

    [Fact]
    public void Field_LongerThanMaxLength_IsCut()
    {
        using var output = new StringWriter();
        var csv = new CsvRowWriter(new CsvDialect());

        csv.Field("abcdef", maxLength: 4);
        csv.EndRow();
        csv.WriteTo(output);

        Assert.Equal("abcd\r\n", output.ToString());
    }

    [Fact]
    public void WriteTo_ManyRows_HandsThemAllOnAndStartsAgain()
    {
        using var output = new StringWriter();
        var csv = new CsvRowWriter(new CsvDialect());

        for (var i = 0; i < 50_000; i++)
        {
            csv.Field("row");
            csv.EndRow();
        }

        csv.WriteTo(output);

        Assert.Equal(50_000 * 5, output.ToString().Length);
        Assert.Equal(0, csv.Length);
    }

    private static string Write(CsvDialect dialect, string[] fields)
    {
        using var output = new StringWriter();
        var csv = new CsvRowWriter(dialect);
        foreach (var field in fields)
        {
            csv.Field(field);
        }

        csv.EndRow();
        csv.WriteTo(output);
        return output.ToString();
    }
}
