using System.Diagnostics;
using System.Globalization;
using LinkService.Configuration;
using LinkService.Configuration.Projects;
using LinkService.Deliveries.SetAside;
using LinkService.Linkage.Data;
using LinkService.Linkage.Engine;
using LinkService.Linkage.Progress;
using LinkService.Linkage.Running;

namespace LinkService.Bench.Linkage;

/// <summary>Reads the extracts with the runner's reader, runs the engine core, scores the entities against truth.csv.</summary>
internal static class BenchRun
{
    public static BenchResult Run(ConfigCatalog catalog, ProjectDefinition project, string dataDirectory, CancellationToken cancellationToken, ProgressTracker? progress = null)
    {
        progress ??= ProgressTracker.None;
        var wall = Stopwatch.StartNew();
        var startCpu = Environment.CpuUsage.TotalTime;
        var inputs = project.Sources.Select(name =>
        {
            var source = catalog.Sources[name];
            var file = Directory.EnumerateFiles(Path.Combine(dataDirectory, name)).Where(f => source.MatchesFileName(Path.GetFileName(f))).Order(StringComparer.Ordinal).First();
            return new LinkageInput(source, Path.GetFileName(file), file, SetAsideRows.None);
        }).ToList();

        var sources = new SourceRecords[inputs.Count];
        var reading = progress.Begin("read", "records", null);
        Parallel.For(0, inputs.Count, i => sources[i] = SourceRecordsReader.Read(inputs[i], project.Linkage, cancellationToken, reading));
        var read = wall.Elapsed;
        var readCpu = Environment.CpuUsage.TotalTime;
        var table = RecordTableBuilder.Build(project.Linkage, sources, cancellationToken, progress);
        var standardised = wall.Elapsed - read;
        var standardisedCpu = Environment.CpuUsage.TotalTime - readCpu;
        if (Environment.GetEnvironmentVariable("LINKAGE_BENCH_HASH") == "1")
        {
            Console.WriteLine($"table hash {TableHash.Of(table)}");
        }

        if (Environment.GetEnvironmentVariable("LINKAGE_BENCH_STANDARDISE_ONLY") == "1")
        {
            Console.WriteLine($"read {read.TotalSeconds:F2} s (CPU {(readCpu - startCpu).TotalSeconds:F2} s), standardise {standardised.TotalSeconds:F2} s (CPU {standardisedCpu.TotalSeconds:F2} s); GC gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, pause {GC.GetTotalPauseDuration().TotalSeconds:F2} s");
            Environment.Exit(0);
        }

        var truth = Truth.Read(Path.Combine(dataDirectory, "truth.csv"), table);
        if (Environment.GetEnvironmentVariable("LINKAGE_BENCH_PROFILE") == "1")
        {
            ComparisonProfile.Print(table, new LinkService.Linkage.Comparison.PairComparer(project.Linkage.Comparisons, table), project.Mode, Console.Out);
        }

        var truthTime = wall.Elapsed;
        var outcome = LinkageEngine.Run(project.Linkage, project.Mode, table, truth, cancellationToken, progress);
        var linkTime = wall.Elapsed - truthTime + read + standardised;
        var score = PairwiseScore.Of(table, outcome.Entity, truth, project.Mode);
        if (Environment.GetEnvironmentVariable("LINKAGE_BENCH_MISSES") == "1")
        {
            MissedPairs.Print(project.Linkage, project.Mode, table, truth, Path.Combine(dataDirectory, "truth.csv"), outcome, Console.Out);
        }
        if (project.Mode == LinkageMode.Both)
        {
            // Issue 11's targets are per kind of pair: across sources, and each source's own duplicates.
            foreach (var (kind, only) in new[] { ("cross-source", LinkageMode.Link), ("within-source", LinkageMode.Dedupe) })
            {
                var part = PairwiseScore.Of(table, outcome.Entity, truth, only);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind,-14} precision {part.Precision:F4}  recall {part.Recall:F4}  F1 {part.F1:F4}  (true pairs {part.TruePairs:N0})"));
            }
        }

        return new BenchResult(table.Count, read, readCpu - startCpu, standardised, standardisedCpu, linkTime, outcome, score, Process.GetCurrentProcess().PeakWorkingSet64);
    }
}
