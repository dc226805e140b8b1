using System.Runtime.CompilerServices;
using System.Threading.Channels;
using LinkService.Configuration.Projects.Linkage;
using LinkService.Configuration.Schemas;
using LinkService.Deliveries;
using LinkService.Deliveries.Reading;
using LinkService.Linkage.Data;
using LinkService.Linkage.Progress;

namespace LinkService.Linkage.Running;

/// <summary>
/// Reads an accepted delivery's <see cref="AcceptedRows"/> into source records: the key column becomes the
/// record id, each identifier column its canonical field (only the fields the project uses); content is never
/// read into memory. Given the stored copy's digest, the reading checks it: the records are returned only if the
/// copy is intact.
/// </summary>
internal static class SourceRecordsReader
{
    public static SourceRecords Read(LinkageInput input, LinkageSpec spec, CancellationToken cancellationToken, StageProgress? progress = null)
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
        var missing = identifiers.Select(f => new MissingValues(f.MissingValues ?? schema.MissingValues)).ToArray();

        using var rows = input.OpenRows();
        var keyAt = rows.ColumnOf(ColumnMap.FieldIndex(schema, key.Name));
        if (keyAt < 0)
        {
            throw new InvalidDataException($"Delivery '{input.DeliveryId}' has no column '{key.Name}'.");
        }

        int[] columns = [keyAt, .. identifiers.Select(f => rows.ColumnOf(ColumnMap.FieldIndex(schema, f.Name)))];

        // Interning takes most of the time: the parser fills batches on one thread while this thread has the previous
        // batch's columns interned, each by one thread of the pool. Cells go into the batches as characters, not
        // strings: a string per cell made the garbage collector a large cost of a reading.
        var full = Channel.CreateBounded<CellBatch>(new BoundedChannelOptions(BatchesInFlight) { SingleReader = true, SingleWriter = true });
        var free = Channel.CreateUnbounded<CellBatch>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        for (var i = 0; i < BatchesInFlight + 2; i++)
        {
            free.Writer.TryWrite(new CellBatch(columns.Length));
        }

        var producer = Task.Run(() => Parse(rows, columns, missing, free.Reader, full.Writer, cancellationToken), cancellationToken);
        while (full.Reader.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
        {
            while (full.Reader.TryRead(out var batch))
            {
                records.Add(batch.Text, batch.Ends, batch.Rows);
                if (batch.ExpectedRows > records.Count)
                {
                    records.Reserve(batch.ExpectedRows);
                }
                progress?.Advance(batch.Rows);

                free.Writer.TryWrite(batch);
            }
        }

        producer.GetAwaiter().GetResult();
        records.TrimExcess();
        return records;
    }

    private const int BatchesInFlight = 4;

    /// <summary>Copies each accepted row's key and identifier cells into batches; a missing value (the schema's list) is copied as empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Parse(AcceptedRows delivery, int[] columns, MissingValues[] missing, ChannelReader<CellBatch> free, ChannelWriter<CellBatch> full, CancellationToken cancellationToken)
    {
        try
        {
            var batch = free.ReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult();
            batch.Clear();
            var firstBatch = true;
            long firstBytes = 0;
            while (delivery.Read())
            {
                if (firstBatch)
                {
                    firstBytes += delivery.RecordBytes;
                }

                var count = delivery.Count;
                for (var c = 0; c < columns.Length; c++)
                {
                    var column = columns[c];
                    var length = 0;
                    if (column >= 0 && column < count && delivery.MaxCellChars(column) is var max and > 0)
                    {
                        var text = batch.Reserve(max);
                        length = delivery.CopyCell(column, text);
                        if (c > 0 && missing[c - 1].Contains(text[..length]))
                        {
                            length = 0;
                        }
                    }

                    batch.EndCell(length);
                }

                if (++batch.Rows == CellBatch.MaxRows)
                {
                    if (firstBatch)
                    {
                        // A little over the file's rows at the first batch's length, so that the columns are allocated once.
                        batch.ExpectedRows = (int)Math.Min(int.MaxValue / 2, delivery.FileBytes * 21 / 20 * batch.Rows / Math.Max(1, firstBytes));
                        firstBatch = false;
                    }

                    full.WriteAsync(batch, cancellationToken).AsTask().GetAwaiter().GetResult();
                    batch = free.ReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult();
                    batch.Clear();
                }
            }

            if (batch.Rows > 0)
            {
                full.WriteAsync(batch, cancellationToken).AsTask().GetAwaiter().GetResult();
            }

            full.Complete();
        }
        catch (Exception ex)
        {
            full.Complete(ex);
            throw;
        }
    }

    /// <summary>The field's one layout as validation reads it (<see cref="WrittenDates"/>); null where it has several (ISO datetimes), which the standardiser tries by default.</summary>
    private static string? DateFormatOf(SchemaField field) =>
        field.Type is not (FieldType.Date or FieldType.Datetime) ? null
        : WrittenDates.Formats(field.Type, field.Format) switch
        {
            null => Standardisation.FieldStandardiser.AnyDateFormat,
            [var one] => one,
            _ => null,
        };
}
