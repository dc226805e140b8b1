namespace LinkService.Validation.Report;

/// <summary>
/// Collects what a check finds while it streams: a count per error type over the whole file, the
/// first errors in full, the rows set aside, and file-level problems that reject the delivery.
/// </summary>
internal sealed class ReportBuilder
{
    private readonly int _maxErrors;
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly List<ValidationError> _errors = [];
    private readonly List<string> _fatal = [];
    private readonly List<long> _setAside = [];
    private readonly Dictionary<long, string> _setAsideTypes = [];

    public ReportBuilder(int maxErrors) => _maxErrors = maxErrors;

    public IReadOnlyList<ValidationError> Errors => _errors;

    public IReadOnlyList<long> SetAsideRows => _setAside;

    /// <summary>File-level problems: each rejects the delivery whatever the tolerance.</summary>
    public IReadOnlyList<string> FatalReasons => _fatal;

    public IReadOnlyDictionary<string, long> Counts => _counts;

    /// <summary>Counts an error; true when the caller should build its message and <see cref="AddDetail"/> it.</summary>
    public bool Count(string type)
    {
        _counts[type] = _counts.GetValueOrDefault(type) + 1;
        return _errors.Count < _maxErrors;
    }

    public void AddDetail(ValidationError error)
    {
        if (_errors.Count < _maxErrors)
        {
            _errors.Add(error);
        }
    }

    /// <summary>Counts and records one error in a single step (for errors off the hot path).</summary>
    public void Add(ValidationError error)
    {
        if (Count(error.Type))
        {
            AddDetail(error);
        }
    }

    /// <summary>A problem with the whole file: recorded as an error and as a reason to reject.</summary>
    public void AddFatal(ValidationError error)
    {
        Add(error);
        _fatal.Add($"{error.Type}: {error.Message}");
    }

    /// <summary>The header does not fit the schema: rows cannot be read against it, so the delivery is rejected.</summary>
    public void RejectForHeader(int problems, string? hint)
    {
        var reason = $"the header does not match the schema ({problems} problem(s))";
        _fatal.Add(hint is null ? reason : $"{reason}; {hint}");
    }

    /// <summary>The error types of each set-aside row ("type-error constraint-error"), for the rejects file.</summary>
    public IReadOnlyDictionary<long, string> SetAsideErrorTypes => _setAsideTypes;

    /// <summary>Rows must be set aside in ascending order.</summary>
    public void SetAside(long row, IReadOnlyList<string> errorTypes)
    {
        if (_setAside.Count == 0 || _setAside[^1] < row)
        {
            _setAside.Add(row);
            _setAsideTypes[row] = errorTypes.Count == 1 ? errorTypes[0] : string.Join(' ', errorTypes.Distinct(StringComparer.Ordinal));
        }
    }

    /// <summary>Merges rows found late (duplicates found when merging spilled key runs).</summary>
    public void SetAsideLate(IEnumerable<(long Row, string Type)> rows)
    {
        var merged = new SortedSet<long>(_setAside);
        foreach (var (row, type) in rows)
        {
            merged.Add(row);
            _setAsideTypes[row] = _setAsideTypes.TryGetValue(row, out var types) ? $"{types} {type}" : type;
        }

        _setAside.Clear();
        _setAside.AddRange(merged);
    }
}
