using System.Threading.Channels;
using LinkService.Configuration.Projects.Linkage;
using LinkService.Configuration.Schemas;
using LinkService.Deliveries;
using LinkService.Deliveries.Reading;
using LinkService.Linkage.Data;

namespace LinkService.Linkage.Running;

/// <summary>
/// Reads an accepted delivery's <see cref="AcceptedRows"/> into source records: the key column becomes the
/// record id, each identifier column its canonical field (only the fields the project uses); content is never
/// read into memory.
/// </summary>
internal static class SourceRecordsReader
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
        var records = new SourceRecords(source.Name, [.. identifiers.Select(f => new SourceField(f.Linkage!.Canonical!, DateFormatOf(f), f.Linkage.Standardiser ?? StandardiseAs.Auto))]);
        var missing = identifiers.Select(f => (f.MissingValues ?? schema.MissingValues).ToHashSet(StringComparer.Ordinal)).ToArray();

        using var rows = AcceptedRows.Open(source, input.DeliveryId, input.FilePath, input.SetAside);
        var keyAt = rows.ColumnOf(ColumnMap.FieldIndex(schema, key.Name));
        if (keyAt < 0)
        {
            throw new InvalidDataException($"Delivery '{input.DeliveryId}' has no column '{key.Name}'.");
        }

        var at = identifiers.Select(f => rows.ColumnOf(ColumnMap.FieldIndex(schema, f.Name))).ToArray();

        // Parsing and interning each take about half the time: the parser fills batches on one thread
        // while this thread interns the previous batch.
        var width = at.Length + 1;
        var batches = Channel.CreateBounded<(string?[] Cells, int Rows)>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(() => Parse(rows, keyAt, at, missing, batches.Writer, cancellationToken), cancellationToken);
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

    private static void Parse(AcceptedRows delivery, int keyAt, int[] at, HashSet<string>[] missing, ChannelWriter<(string?[] Cells, int Rows)> writer, CancellationToken cancellationToken)
    {
        const int BatchRows = 8192;
        var width = at.Length + 1;
        try
        {
            var cells = new string?[BatchRows * width];
            var rows = 0;
            while (delivery.Read())
            {
                var count = delivery.Count;
                var offset = rows * width;
                cells[offset] = keyAt < count ? delivery[keyAt] : null;
                for (var i = 0; i < at.Length; i++)
                {
                    var value = at[i] >= 0 && at[i] < count ? delivery[at[i]] : null;
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
