using LinkService.Configuration;
using LinkService.Synth;

namespace LinkService.Bench.Linkage;

/// <summary>Writes the synthetic extracts and truth.csv with LinkService.Synth.</summary>
internal static class SynthData
{
    public static async Task WriteAsync(ConfigCatalog catalog, string directory, BenchOptions options, CancellationToken cancellationToken)
    {
        var synth = new SynthOptions
        {
            People = options.People,
            Seed = options.Seed,
            RecordsPerSource = new Dictionary<string, long>(StringComparer.Ordinal) { ["justice"] = options.Justice, ["welfare"] = options.Welfare },
        };
        var result = await SyntheticExtracts.WriteAsync(catalog, directory, synth, cancellationToken);
        Console.WriteLine($"synthetic: {result.People:N0} people, {result.TotalRecords:N0} records, {result.TotalBytes / (1024.0 * 1024):N0} MiB");
    }
}
