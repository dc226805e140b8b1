using System.Globalization;
using LinkService.Configuration.Projects.Outputs;
using LinkService.Configuration.Schemas;
using LinkService.Deliveries;
using LinkService.Deliveries.SetAside;
using LinkService.Linkage.Data;
using LinkService.Outputs.Anonymising;
using LinkService.Outputs.Tests.Support;
using LinkService.Outputs.Transforms;

namespace LinkService.Outputs.Tests.Anonymising;

public sealed class CellReaderTests : IDisposable
{
    private const int Rows = CellReader.Sample + 5_000;

    private readonly TempDirectory _dir = OutputsConfig.Create("{}");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Read_ColumnWhoseCellsHardlyRepeat_IsReadCellByCellWithEveryRowsValue()
    {
        // Postcodes all but distinct (a blank every 1,000th row), and a benefit of three values: past the sample, the
        // postcodes are read cell by cell and the benefits still by their numbers, and every row reads as written.
        var postcodes = Enumerable.Range(0, Rows).Select(i => i % 1_000 == 999 ? "" : string.Create(CultureInfo.InvariantCulture, $"AB{i / 1_000} {i % 1_000:D3}")).ToArray();
        var benefits = Enumerable.Range(0, Rows).Select(i => (i % 3) switch { 0 => "JSA", 1 => "UC", _ => "ESA" }).ToArray();
        var catalog = OutputsConfig.LoadValid(_dir);
        var schema = catalog.Schemas["people"];
        var path = _dir.Write("store/alpha_1.csv", "id,forename,sex,surname,postcode,dob,benefit,start,amount,note\n"
            + string.Concat(Enumerable.Range(0, Rows).Select(i => string.Create(CultureInfo.InvariantCulture, $"P{i},Ann,F,Lee,{postcodes[i]},01/02/1990,{benefits[i]},2024-01-01,1.5,\n"))));
        using var rows = AcceptedRows.Open(catalog.Sources["alpha"], "d1", path, SetAsideRows.None);
        var (postcode, postcodeValues) = Reader(schema, rows, "postcode");
        var (benefit, benefitValues) = Reader(schema, rows, "benefit");

        var read = new List<(string Postcode, string Benefit)>();
        while (rows.Read())
        {
            read.Add((Text(postcodeValues, postcode.Read(rows)), Text(benefitValues, benefit.Read(rows))));
        }

        Assert.Equal(postcodes.Zip(benefits), read);
        Assert.True(postcode.CellByCell);
        Assert.False(benefit.CellByCell);
    }

    private static (CellReader Reader, SpanInterner Values) Reader(TableSchema schema, AcceptedRows rows, string column)
    {
        var field = schema.Fields.Select((f, i) => (f, i)).Single(x => x.f.Name == column);
        var values = new SpanInterner();
        return (new CellReader(ColumnPlan.Create(new OutputColumnSpec { Column = column }, schema), rows.ColumnOf(field.i), [""], (null, []), values), values);
    }

    private static string Text(SpanInterner values, int id) => id == 0 ? "" : values[id].ToString();
}
