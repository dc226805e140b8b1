using System.Globalization;

namespace LinkService.Bench.Link;

/// <summary>Command-line options of the link benchmark.</summary>
internal sealed record LinkBenchOptions(string ConfigDirectory, string Project, string? DataDirectory, string? SiteDirectory, string? KeyFile, int People, int Justice, int Welfare, int Seed, int Runs, string? Executable, bool Approve)
{
    public static LinkBenchOptions Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new LinkBenchOptions(
            Value("--config") ?? "config",
            Value("--project") ?? "reoffending-benefits",
            Value("--data"),
            Value("--site"),
            Value("--key"),
            Number("--people", 3_000_000),
            Number("--justice", 1_000_000),
            Number("--welfare", 3_000_000),
            Number("--seed", 42),
            Number("--runs", 1),
            Value("--linkservice"),
            args.Contains("--approve"));
    }
}
