namespace LinkService.Configuration.Loading;

/// <summary>
/// Collects configuration problems for one file, so that every problem is reported at once
/// rather than the first only.
/// </summary>
public sealed class ConfigErrors
{
    private readonly List<ConfigError> _errors;

    public ConfigErrors(string file)
        : this(file, [])
    {
    }

    private ConfigErrors(string file, List<ConfigError> errors)
    {
        File = file;
        _errors = errors;
    }

    public string File { get; }

    public IReadOnlyList<ConfigError> All => _errors;

    public bool Any => _errors.Count > 0;

    public void Add(string jsonPath, string message) => _errors.Add(new ConfigError(File, jsonPath, message));

    /// <summary>A view that writes into the same list but names another file.</summary>
    public ConfigErrors ForFile(string file) => new(file, _errors);
}
