using LinkService.Configuration.Projects.Outputs;
using LinkService.Configuration.Schemas;
using LinkService.Deliveries;
using LinkService.Deliveries.Reading;
using LinkService.Linkage.Progress;
using LinkService.Linkage.Running;
using LinkService.Outputs.Persons;
using LinkService.Outputs.Pseudonyms;
using LinkService.Outputs.Transforms;

namespace LinkService.Outputs.Anonymising;

/// <summary>
/// The rows of one de-identified file: every accepted row of the source's deliveries, read through
/// <see cref="AcceptedRows"/>, keyed by its pseudonyms and carrying its chosen cells through their transforms.
/// </summary>
internal static class RecordFileRows
{
    public static List<OutputRow> Read(
        OutputFileSpec spec, IReadOnlyList<ColumnPlan> plans, IEnumerable<LinkageInput> inputs,
        IReadOnlyDictionary<RecordRef, string> persons, Pseudonymiser pseudonyms, StageProgress progress, CancellationToken cancellationToken)
    {
        var rows = new List<OutputRow>();
        var unreported = 0;
        foreach (var input in inputs)
        {
            var schema = input.Source.SchemaOrThrow;
            using var delivery = input.OpenRows();
            var key = schema.KeyField ?? throw new InvalidOperationException($"Schema '{schema.Name}' has no key field.");
            var keyAt = ColumnOf(delivery, schema, key) ?? throw new InvalidDataException($"Delivery '{input.DeliveryId}' has no column '{key.Name}'.");
            var valueAt = plans.Select(p => (Column: ColumnOf(delivery, schema, p.Field), Missing: MissingValues(schema, p.Field))).ToArray();
            var atAt = plans.Select(p => p.At is { } at ? (Column: ColumnOf(delivery, schema, at), Missing: MissingValues(schema, at)) : (null, [])).ToArray();
            while (delivery.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var recordKey = keyAt < delivery.Count ? delivery[keyAt] : "";
                var record = new RecordRef(spec.Source, recordKey);
                if (!persons.TryGetValue(record, out var person))
                {
                    throw new InvalidDataException($"Delivery '{input.DeliveryId}', row {delivery.Row}: the record is not in the run's linkage map ({RunFiles.Links}); the run and its inputs do not belong together");
                }

                var cells = new string?[plans.Count];
                for (var c = 0; c < plans.Count; c++)
                {
                    cells[c] = plans[c].Apply(Cell(delivery, valueAt[c]), Cell(delivery, atAt[c]));
                }

                rows.Add(new OutputRow(person, pseudonyms.Record(spec.Source, recordKey), cells));
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

    private static string? Cell(AcceptedRows delivery, (int? Column, HashSet<string> Missing) at) =>
        at.Column is { } c && c < delivery.Count && delivery[c] is var value && !at.Missing.Contains(value) ? value : null;
}
