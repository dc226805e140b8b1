using System.Globalization;
using System.Threading.Channels;
using CsvHelper;
using CsvHelper.Configuration;
using LinkService.Configuration.Projects.Linkage;
using LinkService.Configuration.Schemas;
using LinkService.Configuration.Sources;
using LinkService.Linkage.Data;

namespace LinkService.Linkage.Running;

/// <summary>
/// Reads an accepted delivery into source records: the key column becomes the record id, each identifier
/// column its canonical field (only the fields the project uses); content is never read into memory.
/// </summary>
internal static class DeliveryReader
{
    public static SourceRecords Read(LinkageInput input, LinkageSpec spec, CancellationToken cancellationToken)
    {
        var source = input.Source;
        var schema = source.SchemaOrThrow;
        var used = spec.FieldsUsed().Select(f => f.Field).ToHashSet(StringComparer.Ordinal);
        if (used.Contains(CanonicalField.MiddleNames))
        {
            used.Add(CanonicalField.Forename);
        }

        var key = schema.KeyField ?? throw new InvalidOperationException($"Schema '{schema.Name}' has no key field.");
        var identifiers = schema.Fields.Where(f => f.Role == LinkageRole.Identifier && used.Contains(f.Linkage!.Canonical!)).ToList();
        var records = new SourceRecords(source.Name, [.. identifiers.Select(f => new SourceField(f.Linkage!.Canonical!, DateFormatOf(f)))]);
        var missing = identifiers.Select(f => (f.MissingValues ?? schema.MissingValues).ToHashSet(StringComparer.Ordinal)).ToArray();

        using var reader = DeliveryText.Open(source, input.FilePath);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = source.Dialect.Delimiter,
            Quote = source.Dialect.Quote[0],
            HasHeaderRecord = source.Dialect.Header,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
        };
        using var parser = new CsvParser(reader, configuration);
        var positions = schema.Fields.Select((f, i) => (f.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        if (source.Dialect.Header && parser.Read())
        {
            var header = parser.Record ?? [];
            positions = header.Select((name, i) => (name, i)).GroupBy(p => p.name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        }

        var keyAt = positions.TryGetValue(key.Name, out var k) ? k : throw new InvalidDataException($"Delivery '{input.DeliveryId}' has no column '{key.Name}'.");
        var at = identifiers.Select(f => positions.TryGetValue(f.Name, out var p) ? p : -1).ToArray();

        // Parsing and interning each take about half the time: the parser fills batches on one thread
        // while this thread interns the previous batch.
        var width = at.Length + 1;
        var batches = Channel.CreateBounded<(string?[] Cells, int Rows)>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(() => Parse(parser, input.ExcludedRows, keyAt, at, missing, batches.Writer, cancellationToken), cancellationToken);
        var values = new string?[at.Length];
        while (batches.Reader.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
        {
            while (batches.Reader.TryRead(out var batch))
            {
                for (var row = 0; row < batch.Rows; row++)
                {
                    var cells = batch.Cells.AsSpan(row * width, width);
                    cells[1..].CopyTo(values);
                    records.Add(cells[0] ?? "", values);
                }
            }
        }

        producer.GetAwaiter().GetResult();
        return records;
    }

    private static void Parse(CsvParser parser, IReadOnlySet<long>? excluded, int keyAt, int[] at, HashSet<string>[] missing, ChannelWriter<(string?[] Cells, int Rows)> writer, CancellationToken cancellationToken)
    {
        const int BatchRows = 8192;
        var width = at.Length + 1;
        try
        {
            var cells = new string?[BatchRows * width];
            var rows = 0;
            long row = 0;
            while (parser.Read())
            {
                row++;
                if (excluded is not null && excluded.Contains(row))
                {
                    continue;
                }

                var count = parser.Count;
                var offset = rows * width;
                cells[offset] = keyAt < count ? parser[keyAt] : null;
                for (var i = 0; i < at.Length; i++)
                {
                    var value = at[i] >= 0 && at[i] < count ? parser[at[i]] : null;
                    cells[offset + 1 + i] = value is null || missing[i].Contains(value) ? null : value;
                }

                if (++rows == BatchRows)
                {
                    writer.WriteAsync((cells, rows), cancellationToken).AsTask().GetAwaiter().GetResult();
                    cells = new string?[BatchRows * width];
                    rows = 0;
                }
            }

            if (rows > 0)
            {
                writer.WriteAsync((cells, rows), cancellationToken).AsTask().GetAwaiter().GetResult();
            }

            writer.Complete();
        }
        catch (Exception ex)
        {
            writer.Complete(ex);
            throw;
        }
    }

    private static string? DateFormatOf(SchemaField field)
    {
        if (field.Type is not (FieldType.Date or FieldType.Datetime) || field.Format is null or "default" or "any")
        {
            return null;
        }

        return StrftimeFormat.TryToDotNet(field.Format, out var format, out _) ? format : null;
    }
}
