using LinkService.Configuration.Sources;
using LinkService.Validation.Reading;

namespace LinkService.Validation.Checking;

/// <summary>
/// Writes the rows set aside from an accepted delivery to the rejects file, in a second pass that reads
/// the file only as far as the last such row and takes nothing but those rows' original text. Only accepted
/// deliveries with failing rows pay for it; the check itself keeps no row text.
/// </summary>
internal static class RejectsPass
{
    public static void Write(SourceDefinition source, string path, string rejectsPath, IReadOnlyList<long> rows, IReadOnlyDictionary<long, string> errorTypes, ValidationOptions options, CancellationToken cancellationToken)
    {
        using var reader = DeliveryReader.Open(source, path, options.ParserFieldCapChars);
        using var writer = new RejectsWriter(rejectsPath, append: false);
        var parser = reader.Parser;
        long lastRaw = 0;
        if (source.Dialect.Header && parser.Read())
        {
            lastRaw = parser.RawRow;
        }

        long row = 0;
        var next = 0;
        while (next < rows.Count && parser.Read())
        {
            var line = lastRaw + 1;
            lastRaw = parser.RawRow;
            if (++row % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (row == rows[next])
            {
                writer.Write(row, line, errorTypes.GetValueOrDefault(row, ""), parser.RawRecord);
                next++;
            }
        }
    }
}
