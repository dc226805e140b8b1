using LinkService.Configuration.Sources;
using LinkService.Deliveries.Reading;
using LinkService.Deliveries.SetAside;

namespace LinkService.Validation.Checking;

/// <summary>
/// A second pass over an accepted delivery with rows set aside, reading the file only as far as the last such
/// row: takes each set-aside row's <see cref="RowFingerprint"/>, by which later stages know the row they skip,
/// and writes the row's original text to the rejects file when there is one. Only accepted deliveries with
/// failing rows pay for it; the check itself keeps no row text.
/// </summary>
internal static class RejectsPass
{
    public static IReadOnlyList<SetAsideRow> Run(SourceDefinition source, string path, string? rejectsPath, IReadOnlyList<long> rows, IReadOnlyDictionary<long, string> errorTypes, ValidationOptions options, CancellationToken cancellationToken)
    {
        using var reader = DeliveryReader.Open(source, path, new ReadLimits(options.ParserRecordCapBytes));
        using var writer = rejectsPath is null ? null : new RejectsWriter(rejectsPath);
        var setAside = new List<SetAsideRow>(rows.Count);
        var next = 0;
        while (next < rows.Count && reader.Read())
        {
            if (reader.Row % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (!reader.OnHeader && reader.Row == rows[next])
            {
                setAside.Add(new SetAsideRow(reader.Row, RowFingerprint.Of(reader)));
                writer?.Write(reader.Row, reader.Line, errorTypes.GetValueOrDefault(reader.Row, ""), reader.RawRecord);
                next++;
            }
        }

        return setAside;
    }
}
