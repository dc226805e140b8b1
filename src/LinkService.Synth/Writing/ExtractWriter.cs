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

    /// <param name="keyPlan">The plan whose key sequence the records continue (the first month's, for the second month's new people); default <paramref name="plan"/>.</param>
    public ExtractWriter(SourceDefinition source, SourcePlan plan, PersonFactory people, NameTables names, DateOnly referenceDate, SourcePlan? keyPlan = null)
    {
        _source = source;
        _plan = plan;
        var schema = source.SchemaOrThrow;
        _columns = ColumnPlanner.For(schema);
        var keySeed = SplitMix.Combine((keyPlan ?? plan).Stream, SplitMix.Hash("keys"));
        _keys = KeyFormat.FromPattern(schema.KeyField?.Constraints?.Pattern, keySeed) ?? KeyFormat.Sequential("");
        _newRenderer = () => new RowRenderer(source, plan, _columns, _keys, people, names, referenceDate);
    }

    /// <summary>Writes the extract to <paramref name="path"/> and its truth rows to <paramref name="truthPath"/>; returns the number of records.</summary>
    /// <param name="firstIndex">Above 0: the records are appended to the extract, numbered (and keyed) from here on.</param>
    public async Task<long> WriteAsync(string path, string truthPath, CancellationToken cancellationToken, long firstIndex = 0)
    {
        if (_plan.ExactRecords is { } wanted && (ulong)wanted > _keys.Capacity)
        {
            throw new InvalidOperationException($"Source '{_source.Name}': {wanted} records asked for, but its key pattern has only {_keys.Capacity} distinct values.");
        }

        await using var file = new StreamWriter(path, append: firstIndex > 0, DeliveryText.EncodingOf(_source.Dialect), BufferSize);
        await using var truth = new StreamWriter(truthPath, append: false, new UTF8Encoding(false), BufferSize);
        if (firstIndex == 0)
        {
            WriteHeader(file);
        }

        var free = new Stack<RowRenderer>(Enumerable.Range(0, Math.Max(2, Environment.ProcessorCount)).Select(_ => _newRenderer()));
        var inFlight = new Queue<(Task Rendering, RowRenderer Renderer)>();
        var next = firstIndex;
        var remaining = _plan.ExactRecords ?? long.MaxValue;
        foreach (var pass in _plan.Passes())
        {
            for (var from = 0L; from < pass.Count && remaining > 0; from += BatchSize)
            {
                var count = (int)Math.Min(Math.Min(BatchSize, pass.Count - from), remaining);
                if (free.Count == 0)
                {
                    // Every renderer is busy: write out the oldest batch, in file order, and reuse its renderer.
                    free.Push(await DrainAsync(inFlight.Dequeue(), file, truth));
                }

                Start(free.Pop(), pass, from, count, next, inFlight, cancellationToken);
                next += count;
                remaining -= count;
            }
        }

        while (inFlight.Count > 0)
        {
            await DrainAsync(inFlight.Dequeue(), file, truth);
        }

        return next - firstIndex;
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

    private void Start(RowRenderer renderer, RecordPass pass, long from, int count, long firstIndex, Queue<(Task, RowRenderer)> inFlight, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if ((ulong)(firstIndex + count) > _keys.Capacity)
        {
            throw new InvalidOperationException($"Source '{_source.Name}' needs more records than its key pattern has distinct values ({_keys.Capacity}).");
        }

        inFlight.Enqueue((Task.Run(() => renderer.Render(pass, from, count, firstIndex), cancellationToken), renderer));
    }

    private static async Task<RowRenderer> DrainAsync((Task Rendering, RowRenderer Renderer) done, StreamWriter file, StreamWriter truth)
    {
        await done.Rendering;
        done.Renderer.Rows.WriteTo(file);
        done.Renderer.Truth.WriteTo(truth);
        return done.Renderer;
    }
}
