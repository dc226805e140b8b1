using System.Collections.Concurrent;
using LinkService.Configuration.Schemas;
using LinkService.Deliveries;
using LinkService.Deliveries.Reading;
using LinkService.Linkage.Data;
using LinkService.Linkage.Progress;
using LinkService.Linkage.Running;
using LinkService.Outputs.Persons;
using LinkService.Outputs.Transforms;

namespace LinkService.Outputs.Anonymising;

/// <summary>
/// The rows of one de-identified file: every accepted row of the source's deliveries, read through
/// <see cref="AcceptedRows"/>, carrying its chosen cells through their transforms and its record key; then found
/// among the run's records by that key (<see cref="Find"/>). Reading needs nothing of the linkage map, so it goes on
/// while the map is read.
/// </summary>
internal sealed class RecordFileRows
{
    private readonly IReadOnlyList<LinkageInput> _inputs;
    private readonly RecordColumns _rows;
    private readonly int[] _firstRowOf;
    private StringArena? _keys;

    private RecordFileRows(IReadOnlyList<LinkageInput> inputs, RecordColumns rows, int[] firstRowOf, StringArena keys)
    {
        (_inputs, _rows, _firstRowOf, _keys) = (inputs, rows, firstRowOf, keys);
    }

    /// <summary>Rows read between two advances of the stage's count.</summary>
    private const int ProgressBatch = 16_384;

    /// <param name="absent">Told of each chosen column a delivery has no column for, once it is read: blank on every one of its rows.</param>
    public static RecordFileRows Read(
        IReadOnlyList<ColumnPlan> plans, IReadOnlyList<LinkageInput> inputs, StageProgress progress, Action<AbsentColumn> absent, CancellationToken cancellationToken)
    {
        var rows = new RecordColumns(plans.Count, 1 << 16);
        var keys = new StringArena();
        var firstRowOf = new int[inputs.Count];
        var key = new char[64];
        var unreported = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            firstRowOf[i] = rows.Count;
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
            var before = rows.Count;
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

                keys.Add(key.AsSpan(0, length));
                var row = rows.Add(0, 0);
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

            foreach (var plan in plans)
            {
                SchemaField[] read = plan.At is { } at ? [plan.Field, at] : [plan.Field];
                foreach (var field in read)
                {
                    if (ColumnOf(delivery, schema, field) is null)
                    {
                        absent(new AbsentColumn(input.DeliveryId, plan.Column.Name, field.Name, rows.Count - before));
                    }
                }
            }
        }

        progress.Advance(unreported);
        return new RecordFileRows(inputs, rows, firstRowOf, keys);
    }

    /// <summary>
    /// Each row's record and person among the run's records, source <paramref name="source"/>'s (−1 when the linkage
    /// map has none of its records); the rows, ready to write. A row the map does not hold fails, naming its delivery and row.
    /// </summary>
    public RecordColumns Find(LinkedRecords records, int source, PersonPseudonyms persons, CancellationToken cancellationToken)
    {
        var keys = _keys ?? throw new InvalidOperationException("The rows were found already.");
        var first = source < 0 ? 0 : records.SourceStart(source);
        var missing = int.MaxValue;

        // On every core: each row's lookup is its own, and most of them miss the cache.
        Parallel.ForEach(Partitioner.Create(0, _rows.Count, 1 << 16), Workers.Options(cancellationToken), range =>
        {
            for (var row = range.Item1; row < range.Item2; row++)
            {
                // The linkage map lists a source's records as its deliveries hold them: the row is most likely the next.
                var record = source < 0 ? -1 : records.FindArrived(source, keys[row], row);
                if (record < 0)
                {
                    InterlockedMin(ref missing, row);
                    continue;
                }

                _rows.SetKeys(row, records.ClusterOf(record), record - first);
            }
        });

        if (missing != int.MaxValue)
        {
            // The first such row, however the rows were shared out.
            throw NotInTheMap(missing);
        }

        // The keys are identifiers: they are not kept a moment longer than needed.
        _keys = null;
        _rows.Persons = persons;
        return _rows;
    }

    private static void InterlockedMin(ref int location, int value)
    {
        for (var seen = Volatile.Read(ref location); value < seen; seen = Volatile.Read(ref location))
        {
            if (Interlocked.CompareExchange(ref location, value, seen) == seen)
            {
                return;
            }
        }
    }

    /// <summary>Names the delivery and row of the <paramref name="row"/>th row read, reading the delivery again to its row number.</summary>
    private InvalidDataException NotInTheMap(int row)
    {
        var input = Array.FindLastIndex(_firstRowOf, first => first <= row);
        using var delivery = _inputs[input].OpenRows();
        for (var i = _firstRowOf[input]; i <= row; i++)
        {
            delivery.Read();
        }

        return new InvalidDataException($"Delivery '{_inputs[input].DeliveryId}', row {delivery.Row}: the record is not in the run's linkage map ({RunFiles.Links}); the run and its inputs do not belong together");
    }

    private static int? ColumnOf(AcceptedRows delivery, TableSchema schema, SchemaField field) =>
        delivery.ColumnOf(ColumnMap.FieldIndex(schema, field.Name)) is var at and >= 0 ? at : null;

    private static HashSet<string> MissingValues(TableSchema schema, SchemaField field) =>
        (field.MissingValues ?? schema.MissingValues).ToHashSet(StringComparer.Ordinal);
}

/// <summary>A chosen column that a delivery has no column for: <see cref="Field"/> is blank on its <see cref="Rows"/> rows.</summary>
internal sealed record AbsentColumn(string DeliveryId, string OutputColumn, string Field, long Rows);
