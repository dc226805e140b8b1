namespace LinkService.Linkage.Similarity;

/// <summary>
/// Levenshtein distance, and Damerau–Levenshtein distance: insertions, deletions, substitutions and adjacent
/// transpositions, each counting one, where a transposed pair may be edited again (Lowrance and Wagner 1975;
/// CA to ABC is two, not the three of the restricted "optimal string alignment" variant).
/// </summary>
public static class EditDistance
{
    private const int StackLimit = 512;

    public static int Levenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length + b.Length;
        }

        var width = b.Length + 1;
        Span<int> rows = 2 * width <= StackLimit ? stackalloc int[2 * width] : new int[2 * width];
        var previous = rows[..width];
        var current = rows.Slice(width, width);
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
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[b.Length];
    }

    /// <summary>Whether the Levenshtein distance is at most <paramref name="max"/>; a distance of one is checked without the table.</summary>
    public static bool LevenshteinWithin(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max) =>
        max == 1 ? WithinOneEdit(a, b, transpositions: false) : Levenshtein(a, b) <= max;

    /// <summary>
    /// Whether the Damerau–Levenshtein distance is at most <paramref name="max"/>. Comparing is a hot path (a reference
    /// number within one edit, over every candidate pair): a distance of one is checked in one scan, not with the table.
    /// </summary>
    public static bool DamerauLevenshteinWithin(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max) =>
        max == 1 ? WithinOneEdit(a, b, transpositions: true) : DamerauLevenshtein(a, b) <= max;

    public static int DamerauLevenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length + b.Length;
        }

        // d[i + 1, j + 1] is the distance between a[..i] and b[..j]; row and column 0 hold a bound no path reaches.
        var width = b.Length + 2;
        var size = (a.Length + 2) * width;
        Span<int> d = size <= StackLimit ? stackalloc int[size] : new int[size];
        var bound = a.Length + b.Length;
        d[0] = bound;
        for (var i = 0; i <= a.Length; i++)
        {
            d[((i + 1) * width) + 0] = bound;
            d[((i + 1) * width) + 1] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[j + 1] = bound;
            d[width + j + 1] = j;
        }

        // The last row of a holding each character (0: none yet): the row a transposition reaches back to.
        // Standardised values are ASCII; other characters, rare, go to a dictionary.
        Span<int> asciiRows = stackalloc int[128];
        asciiRows.Clear();
        Dictionary<char, int>? otherRows = null;
        for (var i = 1; i <= a.Length; i++)
        {
            var lastColumn = 0;
            for (var j = 1; j <= b.Length; j++)
            {
                var c = b[j - 1];
                var k = c < 128 ? asciiRows[c] : otherRows?.GetValueOrDefault(c) ?? 0;
                var l = lastColumn;
                var cost = 1;
                if (a[i - 1] == b[j - 1])
                {
                    cost = 0;
                    lastColumn = j;
                }

                var best = Math.Min(d[(i * width) + j] + cost, Math.Min(d[((i + 1) * width) + j] + 1, d[(i * width) + j + 1] + 1));
                best = Math.Min(best, d[(k * width) + l] + (i - k - 1) + 1 + (j - l - 1));
                d[((i + 1) * width) + j + 1] = best;
            }

            var seen = a[i - 1];
            if (seen < 128)
            {
                asciiRows[seen] = i;
            }
            else
            {
                (otherRows ??= [])[seen] = i;
            }
        }

        return d[((a.Length + 1) * width) + b.Length + 1];
    }

    /// <summary>
    /// Equal, or one edit apart: one substitution, one character inserted or deleted, or (with
    /// <paramref name="transpositions"/>) one pair of adjacent characters swapped. Every edit costs one, so a distance
    /// of at most one is exactly these.
    /// </summary>
    private static bool WithinOneEdit(ReadOnlySpan<char> a, ReadOnlySpan<char> b, bool transpositions)
    {
        if (a.Length < b.Length)
        {
            var longer = b;
            b = a;
            a = longer;
        }

        if (a.Length - b.Length > 1)
        {
            return false;
        }

        var at = a.CommonPrefixLength(b);
        if (at == b.Length)
        {
            // Equal, or the longer has one more character at the end.
            return true;
        }

        if (a.Length != b.Length)
        {
            return a[(at + 1)..].SequenceEqual(b[at..]);
        }

        return a[(at + 1)..].SequenceEqual(b[(at + 1)..])
            || (transpositions && at + 1 < a.Length && a[at] == b[at + 1] && a[at + 1] == b[at] && a[(at + 2)..].SequenceEqual(b[(at + 2)..]));
    }
}
