using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using LinkService.Configuration.Loading;
using LinkService.Configuration.Schemas;

namespace LinkService.Configuration.Sources;

/// <summary>
/// One department's delivery, from <c>config/sources/&lt;name&gt;.json</c>: where it lands, what its files
/// are called, how they are written, which schema they follow and how strictly.
/// </summary>
public sealed class SourceDefinition : IValidatableConfig
{
    private Regex? _fileNameRegex;

    /// <summary>The source's name: its file name without <c>.json</c>; names its drop folder. Set by the loader.</summary>
    [JsonIgnore]
    public string Name { get; set; } = "";

    public string? Description { get; init; }

    /// <summary>The schema's name: <c>config/schemas/&lt;schema&gt;.json</c>.</summary>
    public required string Schema { get; init; }

    /// <summary>The resolved schema. Set by the loader once every file has been read.</summary>
    [JsonIgnore]
    public TableSchema? ResolvedSchema { get; set; }

    /// <summary>A glob for delivered file names (<c>*</c> and <c>?</c>), matched case-insensitively, e.g. <c>offenders_*.csv</c>.</summary>
    public required string FilePattern { get; init; }

    public CsvDialect Dialect { get; init; } = new();

    public Compression Compression { get; init; } = Compression.None;

    /// <summary>The largest delivery accepted, in bytes, as delivered. Default 50 GiB.</summary>
    public long MaxBytes { get; init; } = 50L * 1024 * 1024 * 1024;

    /// <summary>With gzip: the most bytes a delivery may decompress to. Default 200 GiB.</summary>
    public long MaxDecompressedBytes { get; init; } = 200L * 1024 * 1024 * 1024;

    /// <summary>The longest single field, in characters. Longer fields are errors. Default 64 Ki.</summary>
    public int MaxFieldLength { get; init; } = 65_536;

    public CompletionRule Completion { get; init; } = new();

    public ErrorTolerance ErrorTolerance { get; init; } = new();

    /// <summary>How long its stored copies, quarantined files and receipts are kept. Absent: kept until removed by hand.</summary>
    public SourceRetention? Retention { get; init; }

    /// <summary>A delivery whose accepted rows differ from the previous accepted delivery's by more than this is held for the custodian. Absent: none is held.</summary>
    public SizeChangeRule? SizeChange { get; init; }

    public TableSchema SchemaOrThrow => ResolvedSchema ?? throw new InvalidOperationException($"Source '{Name}' has no resolved schema.");

    public bool MatchesFileName(string fileName)
    {
        _fileNameRegex ??= GlobToRegex(FilePattern);
        return _fileNameRegex.IsMatch(fileName);
    }

    public void Validate(ConfigErrors errors, string path)
    {
        if (string.IsNullOrWhiteSpace(FilePattern) || FilePattern.Contains('/', StringComparison.Ordinal) || FilePattern.Contains('\\', StringComparison.Ordinal))
        {
            errors.Add($"{path}.filePattern", "must be a file name pattern without folders, e.g. 'offenders_*.csv'");
        }

        if (MaxBytes <= 0)
        {
            errors.Add($"{path}.maxBytes", "must be positive");
        }

        if (MaxDecompressedBytes <= 0)
        {
            errors.Add($"{path}.maxDecompressedBytes", "must be positive");
        }

        if (MaxFieldLength <= 0)
        {
            errors.Add($"{path}.maxFieldLength", "must be positive");
        }

        Dialect.Validate(errors, $"{path}.dialect");
        Completion.Validate(errors, $"{path}.completion");
        ErrorTolerance.Validate(errors, $"{path}.errorTolerance");
        Retention?.Validate(errors, $"{path}.retention");
        SizeChange?.Validate(errors, $"{path}.sizeChange");
    }

    /// <summary>The checks that need the resolved schema: a field whose minLength exceeds maxFieldLength fails every row.</summary>
    public void ValidateAgainstSchema(ConfigErrors errors, string path)
    {
        foreach (var field in SchemaOrThrow.Fields.Where(f => f.Constraints?.MinLength > MaxFieldLength))
        {
            errors.Add($"{path}.maxFieldLength", $"is less than the minLength of field '{field.Name}' in schema '{SchemaOrThrow.Name}': no value of it could pass");
        }
    }

    internal static Regex GlobToRegex(string glob)
    {
        var pattern = "^" + Regex.Escape(glob).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "\\z";
        return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
