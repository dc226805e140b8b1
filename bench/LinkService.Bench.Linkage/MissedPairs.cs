using System.Globalization;
using LinkService.Configuration.Projects;
using LinkService.Configuration.Projects.Linkage;
using LinkService.Linkage.Blocking;
using LinkService.Linkage.Comparison;
using LinkService.Linkage.Data;
using LinkService.Linkage.Engine;
using LinkService.Linkage.Model;

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
        var hashes = new RuleHashes([.. rules.Select(rule => RuleBlocks.Build(rule, table, mode))], table.Count);

        var comparer = new PairComparer(spec.Comparisons, table);
        var review = outcome.Review.ToDictionary(p => (p.A, p.B), p => p.Probability);
        var byPerson = Enumerable.Range(0, table.Count).Where(i => truth[i] >= 0).GroupBy(i => truth[i]);
        var tally = new Dictionary<(string Kind, string Class, string Cause), int>();
        var caught = new long[rules.Length + 1];
        var unblockedByKind = new long[2];
        var onlyRule = new long[rules.Length];
        foreach (var person in Enumerable.Range(0, table.Count).Where(i => truth[i] >= 0).GroupBy(i => truth[i]))
        {
            var records = person.ToArray();
            for (var i = 0; i < records.Length; i++)
            {
                for (var j = i + 1; j < records.Length; j++)
                {
                    var n = Enumerable.Range(0, rules.Length).Count(r => hashes.Agrees(r, records[i], records[j]));
                    caught[n]++;
                    if (n == 1)
                    {
                        onlyRule[Enumerable.Range(0, rules.Length).First(r => hashes.Agrees(r, records[i], records[j]))]++;
                    }

                    unblockedByKind[table.Source[records[i]] == table.Source[records[j]] ? 1 : 0] += n == 0 ? 1 : 0;
                }
            }
        }

        output.WriteLine($"true pairs no rule blocks: cross {unblockedByKind[0]}, within {unblockedByKind[1]}");
        output.WriteLine("true pairs by how many rules block them: " + string.Join(" ", caught.Select((n, k) => $"{k}:{n}")) + string.Create(CultureInfo.InvariantCulture, $"; Chao f1²/2f2 = {caught[1] * (double)caught[1] / (2.0 * caught[2]):F0}"));
        output.WriteLine("true pairs only one rule blocks, by rule: " + string.Join(" ", onlyRule.Select((n, r) => $"{spec.Blocking[r].DisplayName}:{n}")));
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
        foreach (var g in falseLinks.GroupBy(p => (PatternText(comparer, p.Pattern), table.Source[p.A] == table.Source[p.B])).OrderByDescending(g => g.Count()).Take(15))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {g.Count(),5}  {g.Key.Item1} {(g.Key.Item2 ? "within" : "cross")}  median p {g.Select(p => p.Probability).Order().ElementAt(g.Count() / 2):F3}"));
        }

        PrintCalibration(outcome, truth, table, output);
        PrintMiddleBand(outcome, truth, table, comparer, output);
        PrintWeightCalibration(outcome, truth, table, hashes, rules.Length, comparer, output);
        PrintEntityOutside(outcome, truth, table, hashes, rules.Length, output);
        PrintEntityCalibration(outcome, truth, table, comparer, output);
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

    /// <summary>Every compared pair by its own weight (whole bits): pairs, the model's expected matches (bin centre), true pairs blocked there.</summary>
    private static void PrintWeightCalibration(LinkageOutcome outcome, int[] truth, RecordTable table, RuleHashes hashes, int rules, PairComparer comparer, TextWriter output)
    {
        var trueByBin = new Dictionary<int, long>();
        foreach (var person in Enumerable.Range(0, table.Count).Where(i => truth[i] >= 0).GroupBy(i => truth[i]))
        {
            var records = person.ToArray();
            for (var i = 0; i < records.Length; i++)
            {
                for (var j = i + 1; j < records.Length; j++)
                {
                    if (hashes.AnyBefore(rules, records[i], records[j]))
                    {
                        var bin = (int)Math.Floor(outcome.Scorer.Weight(records[i], records[j], comparer.Pattern(records[i], records[j])));
                        trueByBin[bin] = trueByBin.GetValueOrDefault(bin) + 1;
                    }
                }
            }
        }

        output.WriteLine("compared pairs by own weight: bin, pairs, expected matches, true pairs");
        double expected = 0, actual = 0;
        foreach (var bin in outcome.Quality.WeightDistribution.Where(b => b.From is >= -15 and < 12))
        {
            var p = LinkService.Linkage.Model.FellegiSunterModel.Probability(bin.From + 0.5);
            var t = trueByBin.Where(x => x.Key == bin.From || (bin.From == -40 && x.Key < -40)).Sum(x => x.Value);
            expected += bin.Pairs * p;
            actual += t;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{bin.From}, {bin.To})  {bin.Pairs,12:N0}  {bin.Pairs * p,12:N1}  {t,9:N0}   cumulative {expected,10:N0} vs {actual,10:N0}"));
        }
    }

    /// <summary>Among pairs an entity joins whatever their own blocking (not a bridge of its links), the share no rule generated.</summary>
    private static void PrintEntityOutside(LinkageOutcome outcome, int[] truth, RecordTable table, RuleHashes hashes, int rules, TextWriter output)
    {
        var byEntity = Enumerable.Range(0, table.Count).GroupBy(i => outcome.Entity[i]).Where(g => g.Count() is >= 3 and <= 64).ToDictionary(g => g.Key, g => g.ToArray());
        var links = outcome.Links.GroupBy(p => outcome.Entity[p.A]).ToDictionary(g => g.Key, g => g.Select(p => (p.A, p.B)).ToList());
        long[] free = new long[2], unblocked = new long[2], freeTrue = new long[2], unblockedTrue = new long[2];
        foreach (var (e, members) in byEntity)
        {
            var edges = links.GetValueOrDefault(e) ?? [];
            var edgeSet = edges.Select(x => (Math.Min(x.A, x.B), Math.Max(x.A, x.B))).ToHashSet();
            for (var i = 0; i < members.Length; i++)
            {
                for (var j = i + 1; j < members.Length; j++)
                {
                    var (a, b) = (Math.Min(members[i], members[j]), Math.Max(members[i], members[j]));
                    if (edgeSet.Contains((a, b)) && !Connected(a, b, edges.Where(x => (Math.Min(x.A, x.B), Math.Max(x.A, x.B)) != (a, b)).ToList()))
                    {
                        continue;
                    }

                    var k = table.Source[a] == table.Source[b] ? 1 : 0;
                    var isTrue = truth[a] >= 0 && truth[a] == truth[b];
                    var blocked = hashes.AnyBefore(rules, a, b);
                    free[k]++;
                    freeTrue[k] += isTrue ? 1 : 0;
                    unblocked[k] += blocked ? 0 : 1;
                    unblockedTrue[k] += !blocked && isTrue ? 1 : 0;
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"entity pairs joined whatever their blocking: cross {free[0]:N0} ({unblocked[0]:N0} unblocked, {unblocked[0] / (double)free[0]:P3}; true {freeTrue[0]:N0}, {unblockedTrue[0]:N0} unblocked), within {free[1]:N0} ({unblocked[1]:N0} unblocked, {unblocked[1] / (double)free[1]:P3}; true {freeTrue[1]:N0}, {unblockedTrue[1]:N0})"));
    }

    /// <summary>The entities' pairs by entity size: how many, how many the best link paths expect false, how many are.</summary>
    private static void PrintEntityCalibration(LinkageOutcome outcome, int[] truth, RecordTable table, PairComparer comparer, TextWriter output)
    {
        var p = outcome.Links.ToDictionary(l => (Math.Min(l.A, l.B), Math.Max(l.A, l.B)), l => (double)l.Probability);
        var rows = new SortedDictionary<int, (long Pairs, double Expected, long False, long LinkPairs, double LinkExpected, long LinkFalse)>();
        var ownExpected = new SortedDictionary<int, double>();
        var altExpected = new SortedDictionary<int, double>();
        foreach (var members in Enumerable.Range(0, table.Count).GroupBy(i => outcome.Entity[i]).Where(g => g.Count() is >= 2 and <= 64).Select(g => g.ToArray()))
        {
            var n = members.Length;
            var best = new double[n, n];
            for (var i = 0; i < n; i++)
            {
                best[i, i] = 1;
                for (var j = i + 1; j < n; j++)
                {
                    best[i, j] = best[j, i] = p.GetValueOrDefault((Math.Min(members[i], members[j]), Math.Max(members[i], members[j])));
                }
            }

            for (var k = 0; k < n; k++)
            {
                for (var i = 0; i < n; i++)
                {
                    for (var j = 0; j < n; j++)
                    {
                        best[i, j] = Math.Max(best[i, j], best[i, k] * best[k, j]);
                    }
                }
            }

            var size = Math.Min(n, 9);
            var row = rows.GetValueOrDefault(size);
            for (var i = 0; i < n; i++)
            {
                for (var j = i + 1; j < n; j++)
                {
                    var isFalse = truth[members[i]] < 0 || truth[members[i]] != truth[members[j]];
                    var link = p.ContainsKey((Math.Min(members[i], members[j]), Math.Max(members[i], members[j])));
                    ownExpected[size] = ownExpected.GetValueOrDefault(size) + (link ? 1 - p[(Math.Min(members[i], members[j]), Math.Max(members[i], members[j]))] : 0);
                    if (!link)
                    {
                        var (x, y) = (members[i], members[j]);
                        var direct = outcome.Scorer.Weight(x, y, comparer.Pattern(x, y)) - outcome.Scorer.PriorWeight(x, y);
                        var path = Math.Log2(best[i, j] / (1 - best[i, j] + 1e-12));
                        altExpected[size] = altExpected.GetValueOrDefault(size) + 1 - LinkService.Linkage.Model.FellegiSunterModel.Probability(path + Math.Min(0, direct));
                    }
                    row = (row.Pairs + 1, row.Expected + 1 - best[i, j], row.False + (isFalse ? 1 : 0),
                        row.LinkPairs + (link ? 1 : 0), row.LinkExpected + (link ? 1 - best[i, j] : 0), row.LinkFalse + (link && isFalse ? 1 : 0));
                }
            }

            rows[size] = row;
        }

        output.WriteLine("entity pairs by entity size (9: 9-64): pairs, expected false, false; of them links: pairs, expected false, false");
        foreach (var (size, r) in rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {size,2}  {r.Pairs,10:N0}  {r.Expected,9:N1}  {r.False,7:N0}   links {r.LinkPairs,10:N0}  {r.LinkExpected,9:N1}  {r.LinkFalse,7:N0}  (own {ownExpected.GetValueOrDefault(size),9:N1}; others with direct {altExpected.GetValueOrDefault(size),9:N1})"));
        }
    }

    private static bool Connected(int from, int to, List<(int A, int B)> edges)
    {
        var seen = new HashSet<int> { from };
        var queue = new Queue<int>([from]);
        while (queue.Count > 0)
        {
            var x = queue.Dequeue();
            foreach (var (a, b) in edges)
            {
                var y = a == x ? b : b == x ? a : -1;
                if (y >= 0 && seen.Add(y))
                {
                    if (y == to)
                    {
                        return true;
                    }

                    queue.Enqueue(y);
                }
            }
        }

        return false;
    }

    /// <summary>Links and review pairs by their decided probability: how many, how many the model expects true, how many are.</summary>
    private static void PrintCalibration(LinkageOutcome outcome, int[] truth, RecordTable table, TextWriter output)
    {
        double[] edges = [0, 0.5, 0.7, 0.9, 0.95, 0.98, 0.99, 0.999, 0.9999, 1.0001];
        output.WriteLine("calibration (links and review pairs by decided probability): bin, kind, pairs, expected true, true");
        foreach (var kind in new[] { "cross", "within" })
        {
            for (var e = 0; e + 1 < edges.Length; e++)
            {
                var bin = outcome.Links.Concat(outcome.Review)
                    .Where(p => p.Probability >= edges[e] && p.Probability < edges[e + 1] && (table.Source[p.A] == table.Source[p.B]) == (kind == "within"))
                    .ToList();
                if (bin.Count > 0)
                {
                    var actual = bin.Count(p => truth[p.A] >= 0 && truth[p.A] == truth[p.B]);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{edges[e]:G4}, {Math.Min(1, edges[e + 1]):G4})  {kind,-6} {bin.Count,9:N0}  {bin.Sum(p => (double)p.Probability),12:N1}  {actual,9:N0}"));
                }
            }
        }
    }

    /// <summary>A pair's levels, one hexadecimal digit per comparison (F: missing), as the breakdowns group them.</summary>
    private static string PatternText(PairComparer comparer, ulong pattern) =>
        string.Concat(Enumerable.Range(0, comparer.Comparisons.Count).Select(c => ComparisonVector.Level(pattern, c).ToString("X", CultureInfo.InvariantCulture)));

    /// <summary>
    /// Pairs the decision put at 0.5–0.9 across sources (0.7–0.98 within), by pattern: their own probability (the
    /// model's weight alone), the decided one (after rivals and witnesses), and the share that is true, to tell which of
    /// the two is off; under each, the prior's weight and each comparison's mean contribution.
    /// </summary>
    private static void PrintMiddleBand(LinkageOutcome outcome, int[] truth, RecordTable table, PairComparer comparer, TextWriter output)
    {
        output.WriteLine("pairs decided at 0.5-0.9 across sources and 0.7-0.98 within, by pattern: pairs, mean own p, mean decided p, true share");
        var band = outcome.Links.Concat(outcome.Review).Where(p => table.Source[p.A] != table.Source[p.B] ? p.Probability is >= 0.5f and < 0.9f : p.Probability is >= 0.7f and < 0.98f);
        foreach (var g in band.GroupBy(p => PatternText(comparer, p.Pattern) + (table.Source[p.A] == table.Source[p.B] ? $" within {table.Source[p.A]}" : " cross   ")).OrderByDescending(g => g.Count()).Take(25))
        {
            var own = g.Average(p => FellegiSunterModel.Probability(p.Weight));
            var share = g.Count(p => truth[p.A] >= 0 && truth[p.A] == truth[p.B]) / (double)g.Count();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {g.Key}  {g.Count(),6:N0}  own {own:F3}  decided {g.Average(p => p.Probability):F3}  true {share:F3}"));
            var first = g.First();
            var parts = Enumerable.Range(0, comparer.Comparisons.Count).Select(c => g.Average(p => outcome.Scorer.Contributions(p.A, p.B, p.Pattern)[c]).ToString("F2", CultureInfo.InvariantCulture));
            output.WriteLine("      prior " + outcome.Scorer.PriorWeight(first.A, first.B).ToString("F2", CultureInfo.InvariantCulture) + " + " + string.Join(" + ", parts));
        }
    }

    /// <summary>Each level's share among the true cross-source pairs (missing left out) beside the model's m.</summary>
    private static void PrintTrueM(PairComparer comparer, LinkageOutcome outcome, int[] truth, RecordTable table, TextWriter output)
    {
        foreach (var (s0, s1) in new[] { (0, 1), (0, 0), (1, 1) })
        {
            var counts = comparer.Comparisons.Select(_ => new long[16]).ToArray();
            foreach (var person in Enumerable.Range(0, table.Count).Where(i => truth[i] >= 0).GroupBy(i => truth[i]))
            {
                var records = person.ToArray();
                for (var i = 0; i < records.Length; i++)
                {
                    for (var j = i + 1; j < records.Length; j++)
                    {
                        var (x, y) = (table.Source[records[i]], table.Source[records[j]]);
                        if ((x, y) == (s0, s1) || (y, x) == (s0, s1))
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

            output.WriteLine($"true pairs of sources {s0}-{s1}: level share (missing left out) vs model m");
            for (var c = 0; c < counts.Length; c++)
            {
                var levels = comparer.Comparisons[c].LevelCount;
                var total = (double)counts[c].Take(levels).Sum();
                output.WriteLine($"  {comparer.Comparisons[c].Spec.Field,-14} " + string.Join("  ", Enumerable.Range(0, levels).Select(l => string.Create(CultureInfo.InvariantCulture, $"{counts[c][l] / total:F4}/{outcome.Model.SourcePairM.GetValueOrDefault(LinkService.Linkage.Model.SourcePairs.Of(s0, s1), outcome.Model.M)[c][l]:F4}"))));
            }
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
