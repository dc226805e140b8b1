using System.Text;
using LinkService.Configuration.Sources;
using LinkService.Synth.Columns;
using LinkService.Synth.Names;
using LinkService.Synth.Population;
using LinkService.Synth.Randomness;

namespace LinkService.Synth.Writing;

/// <summary>
/// Streams one source's extract to disk with a part of the truth file beside it. Records are cut
/// into batches rendered on several threads; batches are written in order as they complete, so
/// memory stays at a few batches whatever the size of the extract.
/// </summary>
internal sealed class ExtractWriter
{
    private const int BufferSize = 1 << 20;
    private const int BatchSize = 16_384;
    private readonly SourceDefinition _source;
    private readonly SourcePlan _plan;
    private readonly IReadOnlyList<Column> _columns;
    private readonly KeyFormat _keys;
    private readonly Func<RowRenderer> _newRenderer;

    public ExtractWriter(SourceDefinition source, SourcePlan plan, PersonFactory people, NameTables names, DateOnly referenceDate)
    {
        _source = source;
        _plan = plan;
        var schema = source.SchemaOrThrow;
        _columns = ColumnPlanner.For(schema);
        var keySeed = SplitMix.Combine(plan.Stream, SplitMix.Hash("keys"));
        _keys = KeyFormat.FromPattern(schema.KeyField?.Constraints?.Pattern, keySeed) ?? KeyFormat.Sequential("");
        _newRenderer = () => new RowRenderer(source, plan, _columns, _keys, people, names, referenceDate);
    }

    /// <summary>Writes the extract to <paramref name="path"/> and its truth rows to <paramref name="truthPath"/>; returns the number of records.</summary>
    public async Task<long> WriteAsync(string path, string truthPath, CancellationToken cancellationToken)
    {
        if (_plan.ExactRecords is { } wanted && (ulong)wanted > _keys.Capacity)
        {
            throw new InvalidOperationException($"Source '{_source.Name}': {wanted} records asked for, but its key pattern has only {_keys.Capacity} distinct values.");
        }

        await using var file = new StreamWriter(path, append: false, DeliveryText.EncodingOf(_source.Dialect), BufferSize);
        await using var truth = new StreamWriter(truthPath, append: false, new UTF8Encoding(false), BufferSize);
        WriteHeader(file);

        var slots = Math.Max(2, Environment.ProcessorCount);
        var batches = Enumerable.Range(0, slots).Select(_ => new Batch(_newRenderer(), new (long, int)[BatchSize])).ToArray();
        var inFlight = new Queue<(Task Rendering, Batch Batch)>();
        var next = 0L;
        var slot = 0;
        var filled = 0;
        foreach (var record in _plan.Records())
        {
            batches[slot].Records[filled++] = record;
            if (filled < BatchSize)
            {
                continue;
            }

            next = Start(batches[slot], next, filled, inFlight, cancellationToken);
            filled = 0;
            slot = (slot + 1) % slots;
            if (inFlight.Count == slots)
            {
                // The oldest batch uses the slot filled next: write it out before reusing it.
                await DrainAsync(inFlight.Dequeue(), file, truth);
            }
        }

        if (filled > 0)
        {
            next = Start(batches[slot], next, filled, inFlight, cancellationToken);
        }

        while (inFlight.Count > 0)
        {
            await DrainAsync(inFlight.Dequeue(), file, truth);
        }

        return next;
    }

    private void WriteHeader(StreamWriter file)
    {
        if (!_source.Dialect.Header)
        {
            return;
        }

        var header = new CsvRowWriter(_source.Dialect);
        foreach (var column in _columns)
        {
            header.Field(column.Name);
        }

        header.EndRow();
        header.WriteTo(file);
    }

    private long Start(Batch batch, long firstIndex, int count, Queue<(Task, Batch)> inFlight, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if ((ulong)(firstIndex + count) > _keys.Capacity)
        {
            throw new InvalidOperationException($"Source '{_source.Name}' needs more records than its key pattern has distinct values ({_keys.Capacity}).");
        }

        inFlight.Enqueue((Task.Run(() => batch.Renderer.Render(batch.Records.AsSpan(0, count), firstIndex), cancellationToken), batch));
        return firstIndex + count;
    }

    private static async Task DrainAsync((Task Rendering, Batch Batch) done, StreamWriter file, StreamWriter truth)
    {
        await done.Rendering;
        done.Batch.Renderer.Rows.WriteTo(file);
        done.Batch.Renderer.Truth.WriteTo(truth);
    }

    private sealed record Batch(RowRenderer Renderer, (long Person, int Copy)[] Records);
}
