using LinkService.Configuration.Projects.Outputs;
using LinkService.Configuration.Schemas;
using LinkService.Outputs.Transforms;

namespace LinkService.Outputs.Tests.Transforms;

/// <summary>
/// A number or integer column writes every cell validation accepted: the digits as written where a decimal holds
/// them, Table Schema's NaN, INF and -INF, and other values as round-trip doubles. Each form below was written blank
/// while the output stages read cells their own way.
/// </summary>
public sealed class NumberColumnsTests
{
    [Theory]
    [InlineData("12.50", "12.5")]
    [InlineData("1.5E3", "1500")]
    [InlineData("12345678901234567.89", "12345678901234567.89")]
    [InlineData("INF", "INF")]
    [InlineData("-INF", "-INF")]
    [InlineData("NaN", "NaN")]
    [InlineData("1e30", "1E+30")]
    [InlineData("-2.5e29", "-2.5E+29")]
    [InlineData("1e400", "INF")]
    [InlineData("-1e400", "-INF")]
    [InlineData("1e-30", "1E-30")]
    [InlineData("1.5e-28", "1.5E-28")]
    public void Keep_BareNumber_WritesTheValueValidationRead(string cell, string expected) =>
        Assert.Equal(expected, Keep(new SchemaField { Name = "n", Type = FieldType.Number }).Apply(cell, null));

    [Theory]
    [InlineData("£12.50", "12.5")]
    [InlineData("12.5 kg.", "12.5")]
    [InlineData("12.50-", "12.5")]
    [InlineData("£5.00 (approx.)", "5")]
    [InlineData("(1e30 units)", "1E+30")]
    public void Keep_NumberNotBare_WritesTheNumberValidationFoundAmongTheText(string cell, string expected) =>
        Assert.Equal(expected, Keep(new SchemaField { Name = "n", Type = FieldType.Number, BareNumber = false }).Apply(cell, null));

    [Theory]
    [InlineData(true, "+42", "42")]
    [InlineData(true, "9223372036854775807", "9223372036854775807")]
    [InlineData(false, "12 yrs.", "12")]
    [InlineData(false, "aged 12-", "12")]
    public void Keep_Integer_WritesTheIntegerValidationRead(bool bare, string cell, string expected)
    {
        var plan = Keep(new SchemaField { Name = "n", Type = FieldType.Integer, BareNumber = bare });

        Assert.Equal(expected, plan.Apply(cell, null));
        Assert.Equal("integer", plan.Column.Type);
    }

    [Theory]
    [InlineData("499.99", "499.99")]
    [InlineData("500.01", "500")]
    [InlineData("INF", "500")]
    [InlineData("1e30", "500")]
    [InlineData("1e400", "500")]
    [InlineData("-INF", "-INF")]
    [InlineData("-1e30", "-1E+30")]
    [InlineData("1e-30", "1E-30")]
    public void TopCode_ValueOutsideDecimal_IsCappedWhereAboveTheMaximum(string cell, string expected) =>
        Assert.Equal(expected, TopCode(new SchemaField { Name = "n", Type = FieldType.Number }, 500).Apply(cell, null));

    /// <summary>NaN has no size for top-coding to hide, and a blank would read as missing: it stays NaN.</summary>
    [Fact]
    public void TopCode_NaN_StaysNaN() =>
        Assert.Equal("NaN", TopCode(new SchemaField { Name = "n", Type = FieldType.Number }, 500).Apply("NaN", null));

    [Theory]
    [InlineData("1e-30", "0")]
    [InlineData("-1e-30", "-1E-30")]
    public void TopCode_ValueTooSmallForDecimal_IsComparedAsWritten(string cell, string expected) =>
        Assert.Equal(expected, TopCode(new SchemaField { Name = "n", Type = FieldType.Number }, 0).Apply(cell, null));

    [Theory]
    [InlineData("12.5 kg.", "12.5")]
    [InlineData("£600.00 (approx.)", "500")]
    public void TopCode_NumberNotBare_CapsTheNumberValidationFound(string cell, string expected) =>
        Assert.Equal(expected, TopCode(new SchemaField { Name = "n", Type = FieldType.Number, BareNumber = false }, 500).Apply(cell, null));

    [Fact]
    public void TopCode_IntegerNotBare_CapsTheIntegerValidationFound() =>
        Assert.Equal("90", TopCode(new SchemaField { Name = "n", Type = FieldType.Integer, BareNumber = false }, 90).Apply("104 yrs.", null));

    private static ColumnPlan Keep(SchemaField field) => Plan(field, new() { Column = field.Name });

    private static ColumnPlan TopCode(SchemaField field, decimal maximum) =>
        Plan(field, new() { Column = field.Name, Transform = ColumnTransform.TopCode, Maximum = maximum });

    private static ColumnPlan Plan(SchemaField field, OutputColumnSpec spec) =>
        ColumnPlan.Create(spec, new TableSchema { Name = "s", Fields = [field] });
}
