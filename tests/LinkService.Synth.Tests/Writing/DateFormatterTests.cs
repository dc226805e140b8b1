using LinkService.Configuration.Schemas;
using LinkService.Synth.Writing;

namespace LinkService.Synth.Tests.Writing;

public sealed class DateFormatterTests
{
    [Theory]
    [InlineData(FieldType.Date, null, "2026-03-07")]
    [InlineData(FieldType.Date, "default", "2026-03-07")]
    [InlineData(FieldType.Date, "%d/%m/%Y", "07/03/2026")]
    [InlineData(FieldType.Date, "%Y%m%d", "20260307")]
    [InlineData(FieldType.Date, "%d-%b-%y", "07-Mar-26")]
    [InlineData(FieldType.Datetime, null, "2026-03-07T14:05:09")]
    [InlineData(FieldType.Datetime, "%d/%m/%Y %H:%M", "07/03/2026 14:05")]
    public void Format_FieldFormat_WritesTheDateThatWay(FieldType type, string? format, string expected)
    {
        var formatter = DateFormatter.For(new SchemaField { Name = "d", Type = type, Format = format });
        Span<char> buffer = stackalloc char[DateFormatter.MaxLength];

        var n = formatter.Format(new DateTime(2026, 3, 7, 14, 5, 9, DateTimeKind.Unspecified), buffer);

        Assert.Equal(expected, buffer[..n].ToString());
    }
}
