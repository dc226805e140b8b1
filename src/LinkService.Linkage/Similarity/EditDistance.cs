namespace LinkService.Linkage.Similarity;

/// <summary>Levenshtein distance and Damerau–Levenshtein (optimal string alignment: adjacent transpositions count one).</summary>
public static class EditDistance
{
    public static int Levenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Compute(a, b, transpositions: false);

    public static int DamerauLevenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Compute(a, b, transpositions: true);

    private static int Compute(ReadOnlySpan<char> a, ReadOnlySpan<char> b, bool transpositions)
    {
        if (a.Length == 0)
        {
            return b.Length;
        }

        if (b.Length == 0)
        {
            return a.Length;
        }

        var width = b.Length + 1;
        Span<int> rows = 3 * width <= 512 ? stackalloc int[3 * width] : new int[3 * width];
        var before = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (transpositions && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, before[j - 2] + 1);
                }

                current[j] = best;
            }

            var recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }
}
