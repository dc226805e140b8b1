using System.Globalization;
using LinkService.Configuration.Projects;
using LinkService.Configuration.Projects.Linkage;
using LinkService.Linkage.Blocking;
using LinkService.Linkage.Comparison;
using LinkService.Linkage.Data;
using LinkService.Linkage.Engine;

namespace LinkService.Bench.Linkage;

/// <summary>
/// With LINKAGE_BENCH_MISSES=1: every true pair the entities did not join (and every joined pair that is false), by the
/// error classes truth.csv's variations column gives its two records and by cause: no rule blocked it, blocked but
/// scored under review, sent to review, or linked yet not joined. Shows where recall is lost, not the figures.
/// </summary>
internal static class MissedPairs
{
    public static void Print(LinkageSpec spec, LinkageMode mode, RecordTable table, int[] truth, string truthPath, LinkageOutcome outcome, TextWriter output)
    {
        var variations = Variations(truthPath, table);
        var rules = spec.Blocking.Select((r, i) => new CompiledRule(i, r, table)).ToArray();
        var hashes = new RuleHashes(rules, table.Count);
        foreach (var rule in rules)
        {
            RuleBlocks.Build(rule, hashes, table, mode);
        }

        var comparer = new PairComparer(spec.Comparisons, table);
        var review = outcome.Review.ToDictionary(p => (p.A, p.B), p => p.Probability);
        var byPerson = Enumerable.Range(0, table.Count).Where(i => truth[i] >= 0).GroupBy(i => truth[i]);
        var tally = new Dictionary<(string Kind, string Class, string Cause), int>();
        var caught = new long[rules.Length + 1];
        foreach (var person in Enumerable.Range(0, table.Count).Where(i => truth[i] >= 0).GroupBy(i => truth[i]))
        {
            var records = person.ToArray();
            for (var i = 0; i < records.Length; i++)
            {
                for (var j = i + 1; j < records.Length; j++)
                {
                    caught[Enumerable.Range(0, rules.Length).Count(r => hashes.Agrees(r, records[i], records[j]))]++;
                }
            }
        }

        output.WriteLine("true pairs by how many rules block them: " + string.Join(" ", caught.Select((n, k) => $"{k}:{n}")) + string.Create(CultureInfo.InvariantCulture, $"; Chao f1²/2f2 = {caught[1] * (double)caught[1] / (2.0 * caught[2]):F0}"));
        var weights = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var person in byPerson)
        {
            var records = person.ToArray();
            for (var i = 0; i < records.Length; i++)
            {
                for (var j = i + 1; j < records.Length; j++)
                {
                    var (a, b) = (records[i], records[j]);
                    if (outcome.Entity[a] == outcome.Entity[b])
                    {
                        continue;
                    }

                    var kind = table.Source[a] == table.Source[b] ? "within" : "cross";
                    var blocked = Enumerable.Range(0, rules.Length).Any(r => hashes.Agrees(r, a, b));
                    var weight = outcome.Scorer.Weight(a, b, comparer.Pattern(a, b));
                    var cause = !blocked ? "not blocked" : review.ContainsKey((a, b)) ? "review" : weight >= 3.17 ? "linked, not joined" : "under review";
                    var key = Class(variations[a], variations[b]);
                    tally[(kind, key, cause)] = tally.GetValueOrDefault((kind, key, cause)) + 1;
                    if (!weights.TryGetValue(key + " / " + cause, out var list))
                    {
                        weights[key + " / " + cause] = list = [];
                    }

                    list.Add(weight);
                }
            }
        }

        PrintTrueM(comparer, outcome, truth, table, output);
        var falseLinks = outcome.Links.Where(p => truth[p.A] < 0 || truth[p.A] != truth[p.B]).ToList();
        output.WriteLine($"false links {falseLinks.Count} of {outcome.Links.Count}; expected false among links {outcome.Links.Sum(p => 1 - (double)p.Probability):F1}; by pattern (levels per comparison, kind):");
        foreach (var g in falseLinks.GroupBy(p => (string.Concat(Enumerable.Range(0, comparer.Comparisons.Count).Select(c => ComparisonVector.Level(p.Pattern, c).ToString("X", CultureInfo.InvariantCulture))), table.Source[p.A] == table.Source[p.B])).OrderByDescending(g => g.Count()).Take(15))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {g.Count(),5}  {g.Key.Item1} {(g.Key.Item2 ? "within" : "cross")}  median p {g.Select(p => p.Probability).Order().ElementAt(g.Count() / 2):F3}"));
        }

        output.WriteLine("missed true pairs by kind, error classes of the two records, cause (count, median weight):");
        foreach (var ((kind, cls, cause), n) in tally.OrderByDescending(t => t.Value).Take(60))
        {
            var w = weights[cls + " / " + cause].Order().ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind,-6} {n,6}  {cause,-18} {w[w.Count / 2],7:F1}  {cls}"));
        }

        foreach (var cause in new[] { "not blocked", "under review", "review", "linked, not joined" })
        {
            foreach (var kind in new[] { "cross", "within" })
            {
                output.WriteLine($"  total {kind,-6} {cause,-18} {tally.Where(t => t.Key.Cause == cause && t.Key.Kind == kind).Sum(t => t.Value)}");
            }
        }
    }

    /// <summary>Each level's share among the true cross-source pairs (missing left out) beside the model's m.</summary>
    private static void PrintTrueM(PairComparer comparer, LinkageOutcome outcome, int[] truth, RecordTable table, TextWriter output)
    {
        var counts = comparer.Comparisons.Select(_ => new long[16]).ToArray();
        foreach (var person in Enumerable.Range(0, table.Count).Where(i => truth[i] >= 0).GroupBy(i => truth[i]))
        {
            var records = person.ToArray();
            for (var i = 0; i < records.Length; i++)
            {
                for (var j = i + 1; j < records.Length; j++)
                {
                    if (table.Source[records[i]] != table.Source[records[j]])
                    {
                        var pattern = comparer.Pattern(records[i], records[j]);
                        for (var c = 0; c < counts.Length; c++)
                        {
                            counts[c][ComparisonVector.Level(pattern, c)]++;
                        }
                    }
                }
            }
        }

        output.WriteLine("true cross-source pairs: level share (missing left out) vs model m");
        for (var c = 0; c < counts.Length; c++)
        {
            var levels = comparer.Comparisons[c].LevelCount;
            var total = (double)counts[c].Take(levels).Sum();
            output.WriteLine($"  {comparer.Comparisons[c].Spec.Field,-14} " + string.Join("  ", Enumerable.Range(0, levels).Select(l => string.Create(CultureInfo.InvariantCulture, $"{counts[c][l] / total:F4}/{outcome.Model.SourcePairM.GetValueOrDefault(LinkService.Linkage.Model.SourcePairs.Of(0, 1), outcome.Model.M)[c][l]:F4}"))));
        }
    }

    private static string Class(string a, string b)
    {
        var parts = (a + ";" + b).Split(';', StringSplitOptions.RemoveEmptyEntries).Where(p => p != "ni-missing").Distinct().Order(StringComparer.Ordinal);
        var joined = string.Join('+', parts);
        return joined.Length == 0 ? "(none)" : joined;
    }

    private static string[] Variations(string path, RecordTable table)
    {
        var index = new Dictionary<(string, string), int>();
        for (var i = 0; i < table.Count; i++)
        {
            index[(table.SourceNames[table.Source[i]], new string(table.RecordId(i)))] = i;
        }

        var result = Enumerable.Repeat(string.Empty, table.Count).ToArray();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var cells = line.Split(',');
            if (cells.Length >= 4 && index.TryGetValue((cells[0], cells[1]), out var record))
            {
                result[record] = cells[3];
            }
        }

        return result;
    }
}
