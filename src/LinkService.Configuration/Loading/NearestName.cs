namespace LinkService.Configuration.Loading;

/// <summary>
/// The known name a custodian most likely meant ('jarowinkler' for 'jaro-winkler', 'Wrok' for 'Work'), so that a
/// message can say "did you mean …?" instead of listing everything.
/// </summary>
public static class NearestName
{
    /// <summary>The closest known name, or null when none is close (at most a third of the letters differ).</summary>
    public static string? Find(string given, IEnumerable<string> known)
    {
        var plain = Plain(given);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in known)
        {
            var distance = Distance(plain, Plain(name));
            if (distance < bestDistance)
            {
                (best, bestDistance) = (name, distance);
            }
        }

        return best is not null && bestDistance <= Math.Max(1, plain.Length / 3) ? best : null;
    }

    /// <summary>" (did you mean 'x'?)" or "", to end a message with.</summary>
    public static string Hint(string given, IEnumerable<string> known) =>
        Find(given, known) is { } near ? $"; did you mean '{near}'?" : "";

    // Case and word separators carry no meaning to a reader: 'JaroWinkler', 'jaro_winkler' and 'jaro-winkler' are one name.
    private static string Plain(string name) =>
        string.Concat(name.Where(c => c is not ('-' or '_' or ' ' or '.'))).ToLowerInvariant();

    // Edits between names of a few dozen letters, a swap of neighbours counting one ('Wrok' is one from 'Work').
    // (LinkService.Linkage has the fast distances, but it builds on this assembly, not the other way round.)
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            for (var j = 0; j <= b.Length; j++)
            {
                d[i, j] = i == 0 || j == 0 ? i + j
                    : Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
