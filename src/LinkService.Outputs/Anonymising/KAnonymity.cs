using LinkService.Configuration.Projects.Outputs;
using LinkService.Outputs.Stages;

namespace LinkService.Outputs.Anonymising;

/// <summary>
/// Makes every equivalence class over the quasi-identifiers (rows with the same transformed values, blank counting
/// as a value) at least k rows, by blanking the quasi-identifiers of the rows in smaller classes or leaving those
/// rows out. Blanked rows form a class of their own, whose size the figures report like any other.
/// </summary>
internal static class KAnonymity
{
    /// <summary>The figures, and the rows left in (all of them unless small classes are dropped), in row order.</summary>
    public static (KAnonymityFigures Figures, int[] Kept) Apply(RecordColumns rows, KAnonymitySpec spec, IReadOnlyList<int> quasiIdentifiers)
    {
        var all = Enumerable.Range(0, rows.Count).ToArray();
        var (classOf, sizes) = Classes(rows, all, quasiIdentifiers);
        var small = sizes.Select(s => s > 0 && s < spec.K).ToArray();
        var kept = all;
        long affected;
        if (spec.Action == SmallClassAction.Drop)
        {
            kept = [.. all.Where(r => !small[classOf[r]])];
            affected = all.Length - kept.Length;
        }
        else
        {
            affected = 0;
            foreach (var row in all.Where(r => small[classOf[r]]))
            {
                foreach (var q in quasiIdentifiers)
                {
                    rows.Cell(row, q) = 0;
                }

                affected++;
            }
        }

        var (_, after) = Classes(rows, kept, quasiIdentifiers);
        var figures = new KAnonymityFigures(
            spec.K,
            spec.QuasiIdentifiers,
            small.Count(s => s),
            spec.Action == SmallClassAction.Suppress ? affected : 0,
            spec.Action == SmallClassAction.Drop ? affected : 0,
            after.Where(s => s > 0).DefaultIfEmpty(0).Min());
        return (figures, kept);
    }

    /// <summary>Each row's class (a number for its tuple of quasi-identifier values) and each class's size (0 for a number no class ended on).</summary>
    private static (int[] ClassOf, long[] Sizes) Classes(RecordColumns rows, int[] which, IReadOnlyList<int> quasiIdentifiers)
    {
        var numbers = new TupleNumbers();
        var classOf = new int[rows.Count];
        Span<int> tuple = stackalloc int[quasiIdentifiers.Count];
        foreach (var row in which)
        {
            for (var i = 0; i < tuple.Length; i++)
            {
                tuple[i] = rows.Cell(row, quasiIdentifiers[i]);
            }

            classOf[row] = numbers.Of(tuple);
        }

        var sizes = new long[numbers.Count + 1];
        foreach (var row in which)
        {
            sizes[classOf[row]]++;
        }

        return (classOf, sizes);
    }
}
