namespace LinkService.Linkage.Tests.Support;

/// <summary>Pairwise precision, recall and F1 of a links.csv against a truth.csv (source,record_id,person_id): across sources, or within one.</summary>
internal sealed record LinksScore(long TruePairs, long PredictedPairs, long CorrectPairs)
{
    public double Precision => PredictedPairs == 0 ? 1 : CorrectPairs / (double)PredictedPairs;

    public double Recall => TruePairs == 0 ? 1 : CorrectPairs / (double)TruePairs;

    public double F1 => 2 * Precision * Recall / (Precision + Recall);

    public static LinksScore Of(string linksFile, string truthFile) => Score(linksFile, truthFile, null);

    /// <summary>Pairs of records of <paramref name="source"/> only: its own duplicates (aliases).</summary>
    public static LinksScore Within(string linksFile, string truthFile, string source) => Score(linksFile, truthFile, source);

    private static LinksScore Score(string linksFile, string truthFile, string? within)
    {
        var person = File.ReadLines(truthFile).Skip(1).Select(l => l.Split(',')).ToDictionary(c => (c[0], c[1]), c => c[2]);
        var links = File.ReadLines(linksFile).Skip(1).Select(l => l.Split(',')).Select(c => (Source: c[0], Id: c[1], Entity: c[2]))
            .Where(r => within is null || r.Source == within).ToList();
        Func<IEnumerable<(string Source, string Group)>, long> pairs = within is null ? CrossPairs : AllPairs;
        return new LinksScore(
            pairs(links.Select(r => (r.Source, person[(r.Source, r.Id)]))),
            pairs(links.Select(r => (r.Source, r.Entity))),
            pairs(links.Select(r => (r.Source, r.Entity + "/" + person[(r.Source, r.Id)]))));
    }

    private static long AllPairs(IEnumerable<(string Source, string Group)> records) =>
        records.GroupBy(r => r.Group).Sum(g => (long)g.Count() * (g.Count() - 1) / 2);

    private static long CrossPairs(IEnumerable<(string Source, string Group)> records) =>
        records.GroupBy(r => r.Group).Sum(g =>
        {
            long n = g.Count();
            return (n * (n - 1) / 2) - g.GroupBy(r => r.Source).Sum(s => (long)s.Count() * (s.Count() - 1) / 2);
        });
}
