using System.Globalization;

namespace LinkService.Bench.Linkage;

/// <summary>Command-line options of the linkage benchmark.</summary>
internal sealed record BenchOptions(string ConfigDirectory, string Project, string? DataDirectory, string? RunFolder, int People, int Justice, int Welfare, int Seed, bool Keep)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                values[args[i]] = args[++i];
            }
            else
            {
                flags.Add(args[i]);
            }
        }

        int Number(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new BenchOptions(
            values.GetValueOrDefault("--config", "config"),
            values.GetValueOrDefault("--project", "reoffending-benefits"),
            values.GetValueOrDefault("--data"),
            values.GetValueOrDefault("--out"),
            Number("--people", 3_000_000),
            Number("--justice", 1_000_000),
            Number("--welfare", 3_000_000),
            Number("--seed", 42),
            flags.Contains("--keep"));
    }
}
