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
    public static KAnonymityFigures Apply(List<OutputRow> rows, KAnonymitySpec spec, IReadOnlyList<int> quasiIdentifiers)
    {
        var sizes = ClassSizes(rows, quasiIdentifiers);
        var small = sizes.Where(s => s.Value < spec.K).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var affected = 0L;
        if (spec.Action == SmallClassAction.Drop)
        {
            affected = rows.RemoveAll(r => small.Contains(ClassOf(r, quasiIdentifiers)));
        }
        else
        {
            foreach (var row in rows.Where(r => small.Contains(ClassOf(r, quasiIdentifiers))))
            {
                foreach (var q in quasiIdentifiers)
                {
                    row.Cells[q] = null;
                }

                affected++;
            }
        }

        var after = ClassSizes(rows, quasiIdentifiers);
        return new KAnonymityFigures(
            spec.K,
            spec.QuasiIdentifiers,
            small.Count,
            spec.Action == SmallClassAction.Suppress ? affected : 0,
            spec.Action == SmallClassAction.Drop ? affected : 0,
            after.Count == 0 ? 0 : after.Values.Min());
    }

    private static Dictionary<string, long> ClassSizes(List<OutputRow> rows, IReadOnlyList<int> quasiIdentifiers)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var key = ClassOf(row, quasiIdentifiers);
            sizes[key] = sizes.GetValueOrDefault(key) + 1;
        }

        return sizes;
    }

    // A value is written with its length before it, so no two different tuples give the same key, and blank
    // (missing or suppressed) differs from the empty string.
    private static string ClassOf(OutputRow row, IReadOnlyList<int> quasiIdentifiers) =>
        string.Concat(quasiIdentifiers.Select(q => row.Cells[q] is { } v ? $"{v.Length}:{v}" : "-"));
}
