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
    /// Postcodes and NI numbers hardly repeat (millions of distinct ones at 1M × 3M): each is standardised into a buffer
    /// and interned from there, in order, on this thread. A string made of each, handed over from the pool's threads, cost
    /// more in allocation and garbage collection than the standardising itself.
    /// <para>
    /// A block of codes is standardised (and hashed) on a thread of the pool while this thread interns the block before,
    /// each code's slot fetched a few codes before it is looked up: the two halves take about as long, and the field last
    /// to be standardised (NI numbers at 1M × 3M) had one core to itself for over a second. The ids are given in the
    /// same order as one thread gives them.
    /// </para>
    /// <para>
    /// This loop and the code standardisers are compiled optimised at once (as are reading's and interning's loops): a run
    /// is over before tiered compilation would have got to them (with tiering off, reading and standardising took about a
    /// quarter less CPU).
    /// </para>
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void StandardiseCodes(FieldStandardiser standardiser, SourceRecords.RawColumn raw, ValuePool pool, int[] mapped, CancellationToken cancellationToken)
    {
        const int FetchAhead = 16;
        var values = pool.Values;
        values.EnsureCapacity(values.Count + mapped.Length);
        var (current, spare) = (new CodeBlock(), new CodeBlock());
        var next = Task.Run(() => current.Standardise(standardiser, raw, 1, mapped.Length), cancellationToken);
        for (var first = 1; first < mapped.Length; first += CodeBlock.Codes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            next.GetAwaiter().GetResult();
            var block = current;
            var following = first + CodeBlock.Codes;
            if (following < mapped.Length)
            {
                var into = spare;
                next = Task.Run(() => into.Standardise(standardiser, raw, following, mapped.Length), cancellationToken);
            }

            for (var i = 0; i < block.Count; i++)
            {
                if (i + FetchAhead < block.Count)
                {
                    values.Prefetch(block.Hashes[i + FetchAhead]);
                }

                var (start, end) = (block.Starts[i], block.Starts[i + 1]);
                mapped[first + i] = end == start ? 0 : values.Intern(block.Text.AsSpan(start, end - start), block.Hashes[i]);
            }

            (current, spare) = (spare, current);
        }
    }

    /// <summary>A block of codes standardised end to end in one buffer, with their hashes, ready to be interned in order.</summary>
    private sealed class CodeBlock
    {
        public const int Codes = 1 << 14;

        private char[] _text = new char[Codes * 16];

        public char[] Text => _text;

        /// <summary>Where code <c>i</c> starts in <see cref="Text"/>, and one past the last code's end.</summary>
        public int[] Starts { get; } = new int[Codes + 1];

        public int[] Hashes { get; } = new int[Codes];

        public int Count { get; private set; }

        /// <summary>Standardises the raw values from <paramref name="first"/> on, up to a block of them and short of <paramref name="end"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Standardise(FieldStandardiser standardiser, SourceRecords.RawColumn raw, int first, int end)
        {
            Count = Math.Min(Codes, end - first);
            var length = 0;
            for (var i = 0; i < Count; i++)
            {
                var value = raw.Value(first + i);
                if (length + value.Length + 1 > _text.Length)
                {
                    Array.Resize(ref _text, Math.Max(_text.Length * 2, length + value.Length + 1));
                }

                Starts[i] = length;
                length += standardiser.StandardiseCode(value, _text.AsSpan(length, value.Length + 1));
                Hashes[i] = SpanInterner.Hash(_text.AsSpan(Starts[i], length - Starts[i]));
            }

            Starts[Count] = length;
        }
    }
}
