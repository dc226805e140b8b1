using LinkService.Linkage.Engine;

namespace LinkService.Bench.Linkage;

/// <summary>The figures the benchmark prints.</summary>
internal sealed record BenchResult(int Records, TimeSpan Read, TimeSpan ReadCpu, TimeSpan Standardise, TimeSpan StandardiseCpu, TimeSpan Total, LinkageOutcome Outcome, PairwiseScore Score, long PeakWorkingSet)
{
    public void Print(TextWriter output)
    {
        var q = Outcome.Quality;
        output.WriteLine($"records            {Records:N0} ({string.Join(", ", q.RecordsPerSource.Select(p => $"{p.Key} {p.Value:N0}"))})");
        output.WriteLine($"{"read CSV",-24} {Read.TotalSeconds,8:F2} s  (CPU {ReadCpu.TotalSeconds:F2} s)");
        output.WriteLine($"{"standardise",-24} {Standardise.TotalSeconds,8:F2} s  (CPU {StandardiseCpu.TotalSeconds:F2} s)");
        foreach (var stage in Outcome.Timings)
        {
            output.WriteLine($"{stage.Stage,-24} {stage.Duration.TotalSeconds,8:F2} s  (CPU {stage.ProcessorTime.TotalSeconds:F2} s)");
        }

        output.WriteLine($"wall (read → clusters, training included, truth loading excluded) {Total.TotalSeconds:F2} s");
        var process = System.Diagnostics.Process.GetCurrentProcess();
        output.WriteLine($"process CPU time   {process.TotalProcessorTime.TotalSeconds:F2} s (user {process.UserProcessorTime.TotalSeconds:F2} s) — the machine is shared; load average at the end: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        output.WriteLine($"peak working set   {PeakWorkingSet / (1024.0 * 1024 * 1024):F2} GiB; GC gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, pause {GC.GetTotalPauseDuration().TotalSeconds:F2} s");
        var compareSeconds = Outcome.Timings.Where(t => t.Stage.StartsWith("compare", StringComparison.Ordinal)).Sum(t => t.Duration.TotalSeconds);
        output.WriteLine($"pairs compared     {q.PairsCompared:N0} per pass; {2 * q.PairsCompared / Math.Max(compareSeconds, 1e-9):N0} pairs/s over both passes; overall {q.PairsCompared / Total.TotalSeconds:N0} pairs/s");
        foreach (var rule in q.BlockingRules)
        {
            output.WriteLine($"  rule {rule.Rule,-50} pairs {rule.PairsGenerated,12:N0}  skipped blocks {rule.SkippedBlocks,6:N0}  true pairs kept {rule.TruePairsKept:P2}");
        }

        output.WriteLine($"blocking recall    {q.BlockingRecall:P3}");
        output.WriteLine($"links {q.Links:N0}, review {q.ReviewPairs:N0}, entities {q.Entities:N0}; prior {Outcome.Model.Prior:E3}; estimated false-link rate {q.EstimatedFalseLinkRate:P3}, missed-link rate {q.EstimatedMissedLinkRate:P3} ({q.EstimatedMatchesOutsideBlocks:N0} matches outside blocks)");
        output.WriteLine($"measured  false-link rate {1 - Score.Precision:P3}, missed-link rate {1 - Score.Recall:P3}");
        output.WriteLine($"precision {Score.Precision:F4}  recall {Score.Recall:F4}  F1 {Score.F1:F4}  (true pairs {Score.TruePairs:N0}, predicted {Score.PredictedPairs:N0})");
    }
}
