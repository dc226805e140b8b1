using LinkService.Configuration.Sources;
using LinkService.Deliveries.Reading;

namespace LinkService.Bench.Validation;

/// <summary>The baseline: CsvHelper reading the same file with the same settings, touching every field, checking nothing.</summary>
internal static class BareParse
{
    public static (long Rows, long Chars) Run(SourceDefinition source, string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var reader = CsvHelper.CsvReader.Create(file, DeliveryReader.Options(source, ReadLimits.Default, onMalformed: static _ => { }, encoding: null));
        long rows = 0;
        long chars = 0;
        while (reader.Read())
        {
            rows++;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                chars += reader.GetString(i).Length;
            }
        }

        return (rows, chars);
    }
}
