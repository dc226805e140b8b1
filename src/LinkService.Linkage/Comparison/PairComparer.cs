using LinkService.Configuration.Projects.Linkage;
using LinkService.Linkage.Data;

namespace LinkService.Linkage.Comparison;

/// <summary>
/// Every comparison of a project, producing a pair's packed comparison vector. The compared values are
/// copied record-major (a record's values share a cache line): pairs come from scattered records, and
/// one read per record beats one per column.
/// </summary>
internal sealed class PairComparer
{
    private readonly CompiledComparison[] _comparisons;
    private readonly int[] _rows;
    private readonly int _width;

    public PairComparer(IReadOnlyList<ComparisonSpec> specs, RecordTable table)
    {
        _comparisons = [.. specs.Select((spec, i) => new CompiledComparison(i, spec, table))];
        Comparisons = _comparisons;
        _width = _comparisons.Length;
        _rows = new int[(long)table.Count * _width];
        for (var c = 0; c < _width; c++)
        {
            var values = _comparisons[c].Column.Values;
            for (var i = 0; i < values.Length; i++)
            {
                _rows[((long)i * _width) + c] = values[i];
            }
        }

        foreach (var comparison in _comparisons)
        {
            comparison.ReadOthersBeside(_comparisons);
        }
    }

    public IReadOnlyList<CompiledComparison> Comparisons { get; }

    public int Value(int record, int comparison) => _rows[((long)record * _width) + comparison];

    public ulong Pattern(int a, int b)
    {
        var ra = (long)a * _width;
        var rb = (long)b * _width;
        ulong pattern = 0;
        for (var c = 0; c < _comparisons.Length; c++)
        {
            pattern = ComparisonVector.With(pattern, c, _comparisons[c].Evaluate(_rows, ra, rb, a, b));
        }

        return pattern;
    }
}
