using System.Diagnostics;
using LinkService.Configuration.Projects;
using LinkService.Linkage.Comparison;
using LinkService.Linkage.Data;
using LinkService.Linkage.Model;

namespace LinkService.Bench.Linkage;

/// <summary>With --profile: time each comparison alone over the same random pairs, to see where comparing spends its time.</summary>
internal static class ComparisonProfile
{
    public static void Print(RecordTable table, PairComparer comparer, LinkageMode mode, TextWriter output)
    {
        var sampler = new RandomPairSampler(table, mode);
        var random = new Random(1);
        var pairs = Enumerable.Range(0, 1_000_000).Select(_ => sampler.Next(random)).ToArray();
        foreach (var comparison in comparer.Comparisons)
        {
            var clock = Stopwatch.StartNew();
            var sum = 0;
            foreach (var (a, b) in pairs)
            {
                sum += comparison.Evaluate(comparer.Value(a, comparison.Index), comparer.Value(b, comparison.Index), a, b);
            }

            output.WriteLine($"  {comparison.Spec.Field,-14} {clock.Elapsed.TotalMilliseconds * 1e6 / pairs.Length,8:F0} ns/pair (checksum {sum})");
        }

        var whole = Stopwatch.StartNew();
        ulong check = 0;
        foreach (var (a, b) in pairs)
        {
            check ^= comparer.Pattern(a, b);
        }

        output.WriteLine($"  whole pattern  {whole.Elapsed.TotalMilliseconds * 1e6 / pairs.Length,8:F0} ns/pair ({check})");
        whole.Restart();
        UEstimator.Run(comparer, table, mode, 2_000_000, 1, CancellationToken.None);
        output.WriteLine($"  u estimate 2M  {whole.Elapsed.TotalMilliseconds,8:F0} ms");
        whole.Restart();
        for (var i = 0; i < 2_000_000; i++)
        {
            sampler.Next(random);
        }

        output.WriteLine($"  sampling 2M    {whole.Elapsed.TotalMilliseconds,8:F0} ms");
    }
}
