using System.Text;
using CsvHelper;
using LinkService.Configuration.Sources;
using LinkService.Deliveries.Reading;

namespace LinkService.Bench.Validation;

/// <summary>The baseline: CsvHelper parsing the same file with the same settings, touching every field, checking nothing.</summary>
internal static class BareParse
{
    public static (long Rows, long Chars) Run(SourceDefinition source, string path)
    {
        using var text = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, 1 << 16);
        using var parser = new CsvParser(text, DeliveryReader.ParserConfiguration(source, 32 << 20, onBadData: null));
        long rows = 0;
        long chars = 0;
        while (parser.Read())
        {
            rows++;
            for (var i = 0; i < parser.Count; i++)
            {
                chars += parser[i].Length;
            }
        }

        return (rows, chars);
    }
}
