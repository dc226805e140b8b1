using LinkService.Configuration.Sources;

namespace LinkService.Synth.Tests.Support;

/// <summary>
/// One generation from the default configuration (20,000 people), shared by the tests that only
/// read it, with its rows and truth parsed once.
/// </summary>
public sealed class GeneratedExtracts : IDisposable
{
    public const int People = 20_000;
    private readonly TempDirectory _dir = new();

    public GeneratedExtracts()
    {
        Result = SyntheticExtracts.WriteAsync(DefaultConfig.Catalog, _dir.Path, new SynthOptions { People = People, Seed = 7 }, CancellationToken.None)
            .GetAwaiter().GetResult();
        foreach (var file in Result.Files)
        {
            var source = Source(file.Source);
            var rows = ExtractChecker.ReadRows(source, file.Path);
            Rows[file.Source] = rows;
            var header = rows[0];
            Records[file.Source] = rows.Skip(1)
                .Select(r => header.Select((name, i) => (name, r[i])).ToDictionary(p => p.name, p => p.Item2, StringComparer.Ordinal))
                .ToList();
        }

        Truth = File.ReadAllLines(Result.TruthPath).Select(l => l.Split(',')).ToList();
    }

    public string Directory => _dir.Path;

    public SynthResult Result { get; }

    /// <summary>All rows of each source's file, header first.</summary>
    public Dictionary<string, List<string[]>> Rows { get; } = new(StringComparer.Ordinal);

    /// <summary>Each source's data rows as column name to value.</summary>
    public Dictionary<string, List<Dictionary<string, string>>> Records { get; } = new(StringComparer.Ordinal);

    /// <summary>truth.csv split on commas, header first.</summary>
    public List<string[]> Truth { get; }

    public static SourceDefinition Source(string name) => DefaultConfig.Catalog.Sources[name];

    /// <summary>Record key to person id, for one source.</summary>
    public Dictionary<string, string> PersonOf(string source) =>
        Truth.Skip(1).Where(t => t[0] == source).ToDictionary(t => t[1], t => t[2], StringComparer.Ordinal);

    public void Dispose() => _dir.Dispose();
}
