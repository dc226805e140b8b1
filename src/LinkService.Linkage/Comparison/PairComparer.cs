using System.Runtime.CompilerServices;
using LinkService.Configuration.Projects.Linkage;
using LinkService.Linkage.Data;

namespace LinkService.Linkage.Comparison;

/// <summary>
/// Every comparison of a project, producing a pair's packed comparison vector. The compared values are
/// copied record-major (a record's values, and the derived keys its comparisons read, share a cache line:
/// <see cref="AlignedRows"/>): pairs come from scattered records, and one read per record beats one per column.
/// </summary>
internal sealed class PairComparer
{
    private readonly CompiledComparison[] _comparisons;
    private readonly int[] _rows;
    private readonly AlignedRows _layout;

    /// <param name="cacheBits">The size of each comparison's cache of levels per pair of values (<see cref="ValueLevelCache"/>); 0: none.</param>
    public PairComparer(IReadOnlyList<ComparisonSpec> specs, RecordTable table, int cacheBits = CompiledComparison.CacheBits)
    {
        _comparisons = [.. specs.Select((spec, i) => new CompiledComparison(i, spec, table, cacheBits))];
        Comparisons = _comparisons;
        var rows = _layout = new AlignedRows(table.Count, _comparisons.Length + _comparisons.Sum(c => c.RowKeyCount));
        _rows = rows.Values;
        var keys = _comparisons.Length;
        var firstKeys = new int[_comparisons.Length];
        foreach (var comparison in _comparisons.Where(c => c.RowKeyCount > 0))
        {
            firstKeys[comparison.Index] = keys;
            keys += comparison.RowKeyCount;
        }

        // Row by row (each row written once, not once a comparison), a range of records a worker.
        var all = _comparisons;
        var values = _rows;
        Ranges.For(table.Count, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (from, to) =>
        {
            for (var r = from; r < to; r++)
            {
                var row = rows.Row(r);
                foreach (var comparison in all)
                {
                    values[row + comparison.Index] = comparison.Column.Values[r];
                    if (comparison.RowKeyCount > 0)
                    {
                        comparison.WriteRowKeys(r, values.AsSpan((int)(row + firstKeys[comparison.Index]), comparison.RowKeyCount));
                    }
                }
            }
        });

        foreach (var comparison in _comparisons.Where(c => c.RowKeyCount > 0))
        {
            comparison.ReadRowKeysAt(firstKeys[comparison.Index]);
        }

        foreach (var comparison in _comparisons)
        {
            comparison.ReadOthersBeside(_comparisons);
        }
    }

    public IReadOnlyList<CompiledComparison> Comparisons { get; }

    /// <summary>Starts fetching the record's row (<see cref="AlignedRows.Prefetch"/>).</summary>
    public void Prefetch(int record) => _layout.Prefetch(record);

    public int Value(int record, int comparison) => _rows[_layout.Row(record) + comparison];

    public ulong Pattern(int a, int b)
    {
        var ra = _layout.Row(a);
        var rb = _layout.Row(b);
        ulong pattern = 0;
        for (var c = 0; c < _comparisons.Length; c++)
        {
            pattern = ComparisonVector.With(pattern, c, _comparisons[c].Evaluate(_rows, ra, rb, a, b));
        }

        return pattern;
    }
}
