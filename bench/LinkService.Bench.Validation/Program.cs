using System.Globalization;
using LinkService.Bench.Validation;
using LinkService.Configuration.Loading;

// Validation throughput against bare CsvHelper parsing of the same file, on a synthetic offenders extract
// checked against the default configuration's `justice` source. Run by hand, from the repository root:
//   dotnet run -c Release --project bench/LinkService.Bench.Validation --artifacts-path /tmp/art-validation -- [--size-mb 1024] [--runs 3] [--dir /tmp] [--keep] [--config config]
// Exit code 0 when validation reaches 70% of the bare parse throughput.
var c = CultureInfo.InvariantCulture;
var sizeMb = ArgInt("--size-mb", 1024);
var runs = ArgInt("--runs", 3);
var dir = ArgString("--dir", Path.GetTempPath());
var keep = args.Contains("--keep");

var config = ConfigCatalogLoader.Load(ArgString("--config", "config"));
if (!config.Succeeded)
{
    Console.Error.WriteLine("Run from the repository root (or pass --config): " + string.Join("; ", config.Errors));
    return 2;
}

var source = config.Catalog!.Sources["justice"];
var path = Path.Combine(dir, $"bench-offenders-{sizeMb}mb.csv");
var warmUp = Path.Combine(dir, "bench-offenders-warmup.csv");
BenchFile.Ensure(warmUp, 32);
BenchFile.Ensure(path, sizeMb);

if (args.Contains("--profile"))
{
    Profile.Run(source, path);
    return 0;
}

var phases = new Phases(source);
phases.WarmUp(warmUp);
var results = new List<(PhaseResult Parse, PhaseResult Validate)>();
for (var run = 1; run <= runs; run++)
{
    var parse = phases.BareParse(path);
    var validate = await phases.ValidateAsync(path);
    results.Add((parse, validate));
    Console.WriteLine(string.Create(c, $"run {run}: parse {parse.MegabytesPerSecond:F1} MB/s, validate {validate.MegabytesPerSecond:F1} MB/s ({validate.MegabytesPerSecond / parse.MegabytesPerSecond:P0})"));
}

// Best of the runs for each: the machine is shared, and the best run is the one least disturbed.
var bestParse = results.Select(r => r.Parse).MaxBy(r => r.MegabytesPerSecond)!;
var bestValidate = results.Select(r => r.Validate).MaxBy(r => r.MegabytesPerSecond)!;
var ratio = bestValidate.MegabytesPerSecond / bestParse.MegabytesPerSecond;
Console.WriteLine();
Console.WriteLine(string.Create(c, $"File:      {bestParse.Bytes / (double)(1 << 20):N0} MB, {bestValidate.Rows:N0} data rows ({path})"));
Console.WriteLine(string.Create(c, $"Parse:     {bestParse.MegabytesPerSecond,7:F1} MB/s  {bestParse.Seconds,6:F1} s  peak working set {bestParse.PeakWorkingSetBytes >> 20,5:N0} MB  (CsvHelper alone, every field read)"));
Console.WriteLine(string.Create(c, $"Validate:  {bestValidate.MegabytesPerSecond,7:F1} MB/s  {bestValidate.Seconds,6:F1} s  peak working set {bestValidate.PeakWorkingSetBytes >> 20,5:N0} MB  ({bestValidate.Outcome}, {bestValidate.Errors:N0} errors)"));
Console.WriteLine(string.Create(c, $"Ratio:     {ratio:P0} of bare parse throughput (target 70%)"));
if (!keep)
{
    File.Delete(path);
    File.Delete(warmUp);
}

return ratio >= 0.7 ? 0 : 1;

int ArgInt(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

string ArgString(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
