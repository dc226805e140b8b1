using System.Diagnostics;
using System.Globalization;
using LinkService.Bench.Link;
using LinkService.Configuration.Loading;
using LinkService.Synth;

// The `link` command end to end, through the stored files as a site holds them. Run by hand (Release), from the repository root:
//   dotnet run -c Release --project bench/LinkService.Bench.Link -- [--people 3000000 --justice 1000000 --welfare 3000000] [--seed 42]
//   dotnet run -c Release --project bench/LinkService.Bench.Link -- --data DIR   (extracts already written by `linkservice synth`; copied, not moved)
//   add --site DIR to keep the site there (default: a temp folder, deleted), --runs N to link N times, --key FILE to use
//   a copy of that master key file (to compare two benches' output files byte for byte) rather than a new key, and
//   --linkservice PATH to run an installed linkservice (a `dotnet publish` folder's, as install/linux/install.sh builds it),
//   and --approve to approve each run but the last before the next (not timed), so that every run after the first carries
//   the person pseudonyms forward from the one before, as a site's monthly rerun does.
// Sets up a site (config copy, ledger, extracts in the store recorded as accepted), then runs `linkservice link` as a
// child process and prints its wall and CPU time, peak resident memory, and each stage as the run logged it.
var options = LinkBenchOptions.Parse(args);
var catalogResult = ConfigCatalogLoader.Load(options.ConfigDirectory);
if (!catalogResult.Succeeded)
{
    Console.Error.WriteLine("Run from the repository root (or pass --config): " + string.Join("; ", catalogResult.Errors));
    return 2;
}

var catalog = catalogResult.Catalog!;
var project = catalog.Projects[options.Project];
var root = options.SiteDirectory ?? Path.Combine(Path.GetTempPath(), "link-bench-" + options.Seed.ToString(CultureInfo.InvariantCulture));
if (Directory.Exists(root))
{
    Directory.Delete(root, recursive: true);
}

try
{
    var site = BenchSite.Create(root, options.ConfigDirectory);
    var data = options.DataDirectory;
    if (data is null)
    {
        data = Path.Combine(root, "synth");
        var clock = Stopwatch.StartNew();
        var synth = new SynthOptions
        {
            People = options.People,
            Seed = options.Seed,
            RecordsPerSource = new Dictionary<string, long>(StringComparer.Ordinal) { ["justice"] = options.Justice, ["welfare"] = options.Welfare },
        };
        var written = await SyntheticExtracts.WriteAsync(catalog, data, synth, CancellationToken.None);
        Console.WriteLine($"synthetic: {written.People:N0} people, {written.TotalRecords:N0} records, {written.TotalBytes / 1e6:N0} MB in {clock.Elapsed.TotalSeconds:F1} s (not counted)");
    }

    await site.StoreAsync(catalog, project.Sources, data, move: options.DataDirectory is null, options.KeyFile, CancellationToken.None);
    LinkProcess? last = null;
    for (var run = 1; run <= options.Runs; run++)
    {
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var link = last = await LinkProcess.RunAsync(site.ConfigDirectory, options.Project, options.Executable, CancellationToken.None);
        Console.WriteLine($"run {run}: linkservice link exit {link.ExitCode}: wall {link.Wall.TotalSeconds:F2} s, CPU {link.Cpu.TotalSeconds:F2} s, peak resident {link.PeakBytes / (double)(1L << 30):F2} GiB; load average before {load}, after {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (2 cores, shared)");
        if (link.ExitCode != 0)
        {
            Console.WriteLine(link.Output);
            return 1;
        }

        if (options.Approve && run < options.Runs)
        {
            var runId = link.RunId ?? throw new InvalidOperationException("linkservice link printed no run id: " + link.Output);
            var (exitCode, output) = await LinkProcess.ApproveAsync(site.ConfigDirectory, options.Project, runId, options.Executable, CancellationToken.None);
            if (exitCode != 0)
            {
                Console.WriteLine(output);
                return 1;
            }

            Console.WriteLine($"run {run} approved and published: the next run carries its person pseudonyms forward");
        }
    }

    // Each stage as the run logged it, with the time of each line: whether it asked for huge pages (a comparison without
    // them sets LINKSERVICE_LinkService__Runs__TransparentHugePages=false), the runner's reading (digest check included),
    // standardising, the engine's stages and writing; the gap after "started" is what the run did before reading; then
    // the output stages (person pseudonyms, each de-identified file, the disclosure check, packaging) as each ends; and
    // the last run's CPU seconds so far at each line (sampled every 50 ms), so a stage's CPU is the difference of two.
    var logs = Path.Combine(site.Paths.WorkRoot, "logs");
    foreach (var line in Directory.EnumerateFiles(logs, "linkservice-*.log").SelectMany(File.ReadLines).Where(IsRunLine))
    {
        var cpu = DateTimeOffset.TryParse(line[..29], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) && last is not null ? last.CpuAt(at).TotalSeconds : double.NaN;
        Console.WriteLine($"  {line[11..23]} cpu {cpu,6:F2} {line[(line.IndexOf("): ", StringComparison.Ordinal) + 3)..]}");
    }

    return 0;
}
finally
{
    if (options.SiteDirectory is null)
    {
        Directory.Delete(root, recursive: true);
    }
}

static bool IsRunLine(string line) =>
    line.Contains("LinkService.Linking.ProjectRunner", StringComparison.Ordinal) || line.Contains("LinkService.Linkage.Running", StringComparison.Ordinal)
    || line.Contains("LinkService.Linkage.Memory", StringComparison.Ordinal)
    || line.Contains("LinkService.Outputs.", StringComparison.Ordinal) || line.Contains("LinkService.Publishing.OutputStages", StringComparison.Ordinal);
