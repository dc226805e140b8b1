using System.Diagnostics;
using System.Globalization;
using LinkService.Bench.Linkage;
using LinkService.Configuration.Loading;
using LinkService.Linkage.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Linkage benchmark, run by hand (Release):
//   dotnet run -c Release --project bench/LinkService.Bench.Linkage -- --people 3000000 --justice 1000000 --welfare 3000000
//   dotnet run -c Release --project bench/LinkService.Bench.Linkage -- --data DIR      (extracts already written by `linkservice synth`)
//   add --out DIR to write the run's files there too, --keep to keep generated extracts; --profile-read times each layer of reading instead;
//   --progress prints the running stage's count every second (what the service logs), to measure what progress costs;
//   --no-huge-pages links without asking for transparent huge pages (a run asks, as the service's runs do by default);
//   LINKAGE_BENCH_HASH=1 prints a hash of every record id and standardised value (a change to reading or standardising
//   must leave it as it was), LINKAGE_BENCH_STANDARDISE_ONLY=1 stops after standardising (to profile reading and standardising).
// Prints wall time per stage, peak working set, GC figures, pairs compared per second and F1 against truth.csv.
var options = BenchOptions.Parse(args);
var catalogResult = ConfigCatalogLoader.Load(options.ConfigDirectory);
if (!catalogResult.Succeeded)
{
    foreach (var error in catalogResult.Errors)
    {
        Console.Error.WriteLine(error);
    }

    return 2;
}

var catalog = catalogResult.Catalog!;
var project = catalog.Projects[options.Project];
var dataDirectory = options.DataDirectory;
string? generated = null;
if (dataDirectory is null)
{
    generated = dataDirectory = Path.Combine(Path.GetTempPath(), "linkage-bench-" + options.Seed.ToString(CultureInfo.InvariantCulture));
    var clock = Stopwatch.StartNew();
    await SynthData.WriteAsync(catalog, dataDirectory, options, CancellationToken.None);
    Console.WriteLine($"generated synthetic extracts in {clock.Elapsed.TotalSeconds:F1} s (not counted)");
    GC.Collect();
}

try
{
    if (args.Contains("--profile-read"))
    {
        ReadProfile.Print(catalog, project, dataDirectory, Console.Out);
        return 0;
    }

    // As the service's runs do (LinkService:Runs:TransparentHugePages), unless told not to.
    using var hugePages = new HugePageAdvice(Options.Create(new HugePageOptions { Enabled = !args.Contains("--no-huge-pages") }), TimeProvider.System, NullLogger<HugePageAdvice>.Instance).Begin();
    BenchResult result;
    if (args.Contains("--progress"))
    {
        var progress = new LinkService.Linkage.Progress.ProgressTracker(TimeProvider.System);
        using var ticks = new Timer(_ => ProgressLine(progress), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        result = BenchRun.Run(catalog, project, dataDirectory, CancellationToken.None, progress);
    }
    else
    {
        result = BenchRun.Run(catalog, project, dataDirectory, CancellationToken.None);
    }

    result.Print(Console.Out);
    if (options.RunFolder is not null)
    {
        var clock = Stopwatch.StartNew();
        await LinkService.Linkage.Running.RunWriter.WriteAsync(result.Outcome, project.Linkage, options.RunFolder, CancellationToken.None);
        Console.WriteLine($"wrote links.csv, review.csv, model.json, quality.json to {options.RunFolder} in {clock.Elapsed.TotalSeconds:F2} s");
    }

    return 0;
}
finally
{
    if (generated is not null && !options.Keep)
    {
        Directory.Delete(generated, recursive: true);
    }
}

static void ProgressLine(LinkService.Linkage.Progress.ProgressTracker progress)
{
    if (progress.Stages is [.., var stage] && stage.Ended is null)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"progress: {stage.Name} {stage.Done:N0} of {stage.Total?.ToString("N0", CultureInfo.InvariantCulture) ?? "?"} {stage.Unit}"));
    }
}
