using System.Globalization;
using System.Runtime.CompilerServices;
using LinkService.Configuration.Projects.Linkage;
using LinkService.Configuration.Schemas;
using LinkService.Linkage.Progress;
using LinkService.Linkage.Standardisation;

namespace LinkService.Linkage.Data;

/// <summary>Standardises each source's distinct raw values once and lays every record out in columns.</summary>
internal static class RecordTableBuilder
{
    /// <remarks>Standardising tens of millions of records takes a while: a stop is honoured field by field and within each field.</remarks>
    public static RecordTable Build(LinkageSpec spec, IReadOnlyList<SourceRecords> sources, CancellationToken cancellationToken, ProgressTracker? progress = null)
    {
        var fields = spec.FieldsUsed().Select(f => f.Field).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var standardising = (progress ?? ProgressTracker.None).Begin("standardise", "distinct values", DistinctValues(sources, fields));
        var starts = new int[sources.Count + 1];
        for (var s = 0; s < sources.Count; s++)
        {
            starts[s + 1] = starts[s] + sources[s].Count;
        }

        var total = starts[^1];
        var names = new ValuePool();
        var columns = new Dictionary<string, Column>(StringComparer.Ordinal);
        var splitMiddles = fields.Contains(CanonicalField.MiddleNames) ? new int[total] : null;
        var ordered = fields.OrderBy(f => f == CanonicalField.MiddleNames ? 1 : 0).ThenBy(f => f, StringComparer.Ordinal).ToList();
        var kinds = ordered.Select(f => spec.KindOf(f, DeclaredKind(sources, f))).ToList();
        var built = new Column[ordered.Count];
        void BuildField(int i)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (field, kind) = (ordered[i], kinds[i]);
            var pool = kind == StandardiseAs.Date ? null : SharesNames(kind) ? names : new ValuePool();
            var values = new int[total];
            if (FieldStandardiser.IsCodeKind(kind) && pool is not null)
            {
                // Codes hardly repeat: room for all the sources' values at once, where the pool was grown source by source
                // (a rehash of millions and a doubled buffer each time, much of the field's time in fresh memory).
                var (count, chars) = CodesOf(sources, field);
                pool.Values.EnsureCapacity(pool.Count + count, chars);
            }

            for (var s = 0; s < sources.Count; s++)
            {
                Fill(spec, sources[s], field, kind, pool, values.AsSpan(starts[s], sources[s].Count), field == CanonicalField.Forename && splitMiddles is not null ? splitMiddles.AsSpan(starts[s], sources[s].Count) : default, standardising, cancellationToken);
            }

            if (field == CanonicalField.MiddleNames && splitMiddles is not null)
            {
                for (var r = 0; r < total; r++)
                {
                    values[r] = values[r] != 0 ? values[r] : splitMiddles[r];
                }
            }

            built[i] = new Column(field, kind, values, pool);
        }

        // The names' pool is filled field by field in this order (its ids must not depend on the threads), and middle
        // names wait for the forenames split off them; every other field has a pool of its own and goes alongside.
        var inOrder = Enumerable.Range(0, ordered.Count).Where(i => SharesNames(kinds[i]) || ordered[i] is CanonicalField.Forename or CanonicalField.MiddleNames).ToArray();
        int[][] groups = [inOrder, .. Enumerable.Range(0, ordered.Count).Except(inOrder).Select(i => new[] { i })];
        try
        {
            Parallel.ForEach(groups, Workers.Options(cancellationToken), group =>
            {
                foreach (var i in group)
                {
                    BuildField(i);
                }
            });
        }
        catch (AggregateException e)
        {
            // What a field's standardising threw, as it was thrown when fields went one by one.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        for (var i = 0; i < ordered.Count; i++)
        {
            columns[ordered[i]] = built[i];
        }

        return new RecordTable([.. sources.Select(s => s.Name)], starts, [.. sources.Select(s => s.RecordIds)], columns);
    }

    private static bool SharesNames(StandardiseAs kind) => kind is StandardiseAs.Forename or StandardiseAs.Surname or StandardiseAs.Name;

    /// <summary>The standardiser the sources' schemas declare for a field of the custodian's own (configuration checks they agree).</summary>
    private static StandardiseAs DeclaredKind(IReadOnlyList<SourceRecords> sources, string field) =>
        sources.SelectMany(s => s.Fields).FirstOrDefault(f => f.Standardiser != StandardiseAs.Auto && string.Equals(f.Canonical, field, StringComparison.Ordinal))?.Standardiser ?? StandardiseAs.Auto;

    /// <summary>How many values the sources' columns of a field keep, and room for their characters standardised (a code standardised is at most one character longer than as delivered).</summary>
    private static (int Count, long Chars) CodesOf(IReadOnlyList<SourceRecords> sources, string field)
    {
        var (count, chars) = (0L, 0L);
        foreach (var source in sources)
        {
            for (var f = 0; f < source.Fields.Count; f++)
            {
                if (string.Equals(source.Fields[f].Canonical, field, StringComparison.Ordinal))
                {
                    var column = source.Column(f);
                    count += column.ValueCount;
                    chars += column.Chars + column.ValueCount;
                }
            }
        }

        return ((int)Math.Min(count, Array.MaxLength), chars);
    }

    /// <summary>What standardising works through: each source column's distinct raw values (but the empty one), for every field used.</summary>
    private static long DistinctValues(IReadOnlyList<SourceRecords> sources, List<string> fields) =>
        sources.Sum(s => s.Fields.Select((f, i) => fields.Contains(f.Canonical) ? Math.Max(0L, s.Column(i).ValueCount - 1) : 0).Sum());

    private static void Fill(LinkageSpec spec, SourceRecords source, string field, StandardiseAs kind, ValuePool? pool, Span<int> values, Span<int> middles, StageProgress progress, CancellationToken cancellationToken)
    {
        spec.Standardisation.TryGetValue(field, out var options);
        for (var f = 0; f < source.Fields.Count; f++)
        {
            if (!string.Equals(source.Fields[f].Canonical, field, StringComparison.Ordinal))
            {
                continue;
            }

            var standardiser = new FieldStandardiser(kind, options?.BlankValues ?? [], source.Fields[f].DateFormat, options?.SplitForenames ?? true);
            var raw = source.Column(f);
            // Standardise each distinct raw value once (each row's, in a listed column), over both cores; intern in order so
            // ids are deterministic.
            var distinct = raw.ValueCount;
            var mapped = new int[distinct];
            var middle = standardiser.Kind == StandardiseAs.Forename && pool is not null ? new int[distinct] : null;
            if (standardiser.IsCode && pool is not null)
            {
                StandardiseCodes(standardiser, raw, pool, mapped, cancellationToken);
            }
            else
            {
                InOrder.ForEachChunk(1, distinct, d => standardiser.Standardise(raw.Value(d)), (d, standardised) =>
                {
                    var (value, rest) = standardised;
                    mapped[d] = value is null ? 0 : pool?.Intern(value) ?? int.Parse(value, CultureInfo.InvariantCulture);
                    if (middle is not null)
                    {
                        middle[d] = rest is null ? 0 : pool!.Intern(rest);
                    }
                }, cancellationToken);
            }

            progress.Advance(Math.Max(0, distinct - 1));

            var rows = raw.Rows;
            for (var r = 0; r < rows.Length; r++)
            {
                // Where two columns feed one field, the first non-missing value wins.
                if (values[r] == 0)
                {
                    values[r] = mapped[rows[r]];
                    if (middle is not null && !middles.IsEmpty && middles[r] == 0)
                    {
                        middles[r] = middle[rows[r]];
                    }
                }
            }
        }
    }

    /// <summary>
    /// Postcodes and NI numbers hardly repeat (millions of distinct ones at 1M × 3M): each is standardised into one buffer
    /// and interned from there, in order, on this thread (the other fields go alongside). A string made of each, handed
    /// over from the pool's threads, cost more in allocation and garbage collection than the standardising itself.
    /// This loop and the code standardisers are compiled optimised at once (as are reading's and interning's loops): a run
    /// is over before tiered compilation would have got to them (with tiering off, reading and standardising took about a
    /// quarter less CPU).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void StandardiseCodes(FieldStandardiser standardiser, SourceRecords.RawColumn raw, ValuePool pool, int[] mapped, CancellationToken cancellationToken)
    {
        // A run of codes is standardised first, and each one's slot fetched, then the run is interned in order: the fetches
        // overlap, where one lookup at a time waited on memory for each.
        const int Run = 16;
        var values = pool.Values;
        values.EnsureCapacity(values.Count + mapped.Length);
        var text = new char[Run * 32];
        var ends = new int[Run];
        var hashes = new int[Run];
        for (var first = 1; first < mapped.Length; first += Run)
        {
            if ((first & 0xFFFF) < Run)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var last = Math.Min(first + Run, mapped.Length);
            var length = 0;
            for (var d = first; d < last; d++)
            {
                var value = raw.Value(d);
                if (length + value.Length + 1 > text.Length)
                {
                    Array.Resize(ref text, Math.Max(text.Length * 2, length + value.Length + 1));
                }

                var start = length;
                length += standardiser.StandardiseCode(value, text.AsSpan(start, value.Length + 1));
                ends[d - first] = length;
                hashes[d - first] = SpanInterner.Hash(text.AsSpan(start, length - start));
                values.Prefetch(hashes[d - first]);
            }

            for (var d = first; d < last; d++)
            {
                var start = d == first ? 0 : ends[d - first - 1];
                mapped[d] = ends[d - first] == start ? 0 : values.Intern(text.AsSpan(start, ends[d - first] - start), hashes[d - first]);
            }
        }
    }
}
