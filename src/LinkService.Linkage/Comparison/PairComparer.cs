using LinkService.Configuration.Projects.Linkage;
using LinkService.Linkage.Data;

namespace LinkService.Linkage.Comparison;

/// <summary>Every comparison of a project, producing a pair's packed comparison vector.</summary>
internal sealed class PairComparer
{
    public PairComparer(IReadOnlyList<ComparisonSpec> specs, RecordTable table)
    {
        Comparisons = [.. specs.Select((spec, i) => new CompiledComparison(i, spec, table))];
        _comparisons = [.. Comparisons];
    }

    private readonly CompiledComparison[] _comparisons;

    public IReadOnlyList<CompiledComparison> Comparisons { get; }

    public ulong Pattern(int a, int b)
    {
        ulong pattern = 0;
        for (var c = 0; c < _comparisons.Length; c++)
        {
            pattern = ComparisonVector.With(pattern, c, _comparisons[c].Evaluate(a, b));
        }

        return pattern;
    }
}
