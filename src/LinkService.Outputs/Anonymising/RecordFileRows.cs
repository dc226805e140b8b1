using LinkService.Configuration.Projects.Outputs;
using LinkService.Configuration.Schemas;
using LinkService.Deliveries;
using LinkService.Deliveries.Reading;
using LinkService.Linkage.Progress;
using LinkService.Linkage.Running;
using LinkService.Outputs.Persons;
using LinkService.Outputs.Transforms;

namespace LinkService.Outputs.Anonymising;

/// <summary>
/// The rows of one de-identified file: every accepted row of the source's deliveries, read through
/// <see cref="AcceptedRows"/>, found among the run's records by its key, and carrying its chosen cells through their
/// transforms.
/// </summary>
internal static class RecordFileRows
{
    /// <param name="source">The source's index among <paramref name="records"/>' sources (−1 when the linkage map has none of its records).</param>
    public static RecordColumns Read(
        IReadOnlyList<ColumnPlan> plans, IEnumerable<LinkageInput> inputs, LinkedRecords records, int source,
        PersonPseudonyms persons, StageProgress progress, CancellationToken cancellationToken)
    {
        var first = source < 0 ? 0 : records.SourceStart(source);
        var rows = new RecordColumns(persons, plans.Count, source < 0 ? 0 : records.SourceEnd(source) - first);
        var key = new char[64];
        var unreported = 0;
        var arrival = 0;
        foreach (var input in inputs)
        {
            var schema = input.Source.SchemaOrThrow;
            using var delivery = input.OpenRows();
            var keyField = schema.KeyField ?? throw new InvalidOperationException($"Schema '{schema.Name}' has no key field.");
            var keyAt = ColumnOf(delivery, schema, keyField) ?? throw new InvalidDataException($"Delivery '{input.DeliveryId}' has no column '{keyField.Name}'.");
            var cells = plans.Select((p, c) => new CellReader(
                p,
                ColumnOf(delivery, schema, p.Field),
                MissingValues(schema, p.Field),
                p.At is { } at ? (ColumnOf(delivery, schema, at), MissingValues(schema, at)) : (null, []),
                rows.Values[c])).ToArray();
            while (delivery.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var length = 0;
                if (keyAt < delivery.Count)
                {
                    if (key.Length < delivery.MaxCellChars(keyAt))
                    {
                        key = new char[delivery.MaxCellChars(keyAt)];
                    }

                    length = delivery.CopyCell(keyAt, key);
                }

                // The linkage map lists a source's records as its deliveries hold them: the row is most likely the next.
                var record = source < 0 ? -1 : records.Find(source, key.AsSpan(0, length), records.Arrival(source, arrival++));
                if (record < 0)
                {
                    throw new InvalidDataException($"Delivery '{input.DeliveryId}', row {delivery.Row}: the record is not in the run's linkage map ({RunFiles.Links}); the run and its inputs do not belong together");
                }

                var row = rows.Add(records.ClusterOf(record), record - first);
                for (var c = 0; c < cells.Length; c++)
                {
                    rows.Cell(row, c) = cells[c].Read(delivery);
                }

                if (++unreported == ProgressBatch)
                {
                    progress.Advance(unreported);
                    unreported = 0;
                }
            }
        }

        progress.Advance(unreported);
        return rows;
    }

    /// <summary>Rows read between two advances of the stage's count.</summary>
    private const int ProgressBatch = 16_384;

    private static int? ColumnOf(AcceptedRows delivery, TableSchema schema, SchemaField field) =>
        delivery.ColumnOf(ColumnMap.FieldIndex(schema, field.Name)) is var at and >= 0 ? at : null;

    private static HashSet<string> MissingValues(TableSchema schema, SchemaField field) =>
        (field.MissingValues ?? schema.MissingValues).ToHashSet(StringComparer.Ordinal);
}
