namespace LinkService.Validation.Report;

/// <summary>
/// Collects what a check finds while it streams: a count per error type over the whole file, the
/// first errors in full, the rows set aside, and file-level problems that reject the delivery.
/// </summary>
internal sealed class ReportBuilder
{
    private readonly int _maxErrors;
    private readonly long _setAsideLimit;
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly List<ValidationError> _errors = [];
    private readonly List<string> _fatal = [];
    private readonly List<long> _setAside = [];
    private readonly Dictionary<long, string> _setAsideTypes = [];
    private readonly ErrorGroups _groups = new();
    private readonly ErrorListWriter? _list;

    /// <param name="maxErrors">How many errors to keep in full.</param>
    /// <param name="setAsideLimit">
    /// How many set-aside rows to keep: past the most the source's tolerance could accept, the delivery is rejected
    /// whatever else is found, so further rows are only counted. A file of millions of failing (or blank) rows must
    /// not hold a list entry for each.
    /// </param>
    /// <param name="errorList">Where every row error is written as it is found, up to <paramref name="maxListed"/>; null: nowhere.</param>
    /// <param name="maxListed">How many row errors <paramref name="errorList"/> holds at most.</param>
    public ReportBuilder(int maxErrors, long setAsideLimit = long.MaxValue, TextWriter? errorList = null, long maxListed = long.MaxValue)
    {
        _maxErrors = maxErrors;
        _setAsideLimit = setAsideLimit;
        _list = errorList is null ? null : new ErrorListWriter(errorList, maxListed);
    }

    /// <summary>The row errors by field and problem, over the whole file.</summary>
    public IReadOnlyList<ErrorGroup> Groups => _groups.Build(Cells.DateShapes.Label);

    /// <summary>How many row errors went into the error list.</summary>
    public long Listed => _list?.Written ?? 0;

    /// <summary>True when the error list stopped at its limit, so it holds only the first row errors.</summary>
    public bool ListTruncated => _list?.Truncated ?? false;

    public IReadOnlyList<ValidationError> Errors => _errors;

    /// <summary>The rows set aside, ascending; all of them unless <see cref="SetAsideTruncated"/>.</summary>
    public IReadOnlyList<long> SetAsideRows => _setAside;

    /// <summary>How many rows failed: exact, or a lower bound once <see cref="SetAsideTruncated"/>.</summary>
    public long SetAsideCount { get; private set; }

    /// <summary>True once more rows failed than the limit, so <see cref="SetAsideRows"/> holds only the first.</summary>
    public bool SetAsideTruncated { get; private set; }

    /// <summary>File-level problems: each rejects the delivery whatever the tolerance.</summary>
    public IReadOnlyList<string> FatalReasons => _fatal;

    public IReadOnlyDictionary<string, long> Counts => _counts;

    /// <summary>
    /// Counts an error in a row under its field and <paramref name="problem"/> (a predicate naming no value: "is not
    /// dd/mm/yyyy") and lists it; true when the caller should build its message and <see cref="AddDetail"/> it.
    /// </summary>
    /// <param name="shapes">For a date in the wrong format, the layouts its value reads as; otherwise 0.</param>
    public bool Count(string type, long row, long? line, string? field, int? column, string problem, int shapes = 0)
    {
        _groups.Add(type, field, problem, row, shapes);
        _list?.Write(row, line, field, column, type, problem);
        return Count(type);
    }

    private bool Count(string type)
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
        SetAsideCount++;
        if (_setAside.Count >= _setAsideLimit)
        {
            SetAsideTruncated = true;
        }
        else if (_setAside.Count == 0 || _setAside[^1] < row)
        {
            _setAside.Add(row);
            _setAsideTypes[row] = errorTypes.Count == 1 ? errorTypes[0] : string.Join(' ', errorTypes.Distinct(StringComparer.Ordinal));
        }
    }

    /// <summary>Merges rows found late (duplicates found when merging spilled key runs).</summary>
    public void SetAsideLate(IReadOnlyCollection<(long Row, string Type)> rows)
    {
        if (SetAsideTruncated)
        {
            // Rows failing while streaming were not all kept, so overlap with these is unknown: keep a lower bound.
            SetAsideCount = Math.Max(SetAsideCount, rows.Select(r => r.Row).Distinct().LongCount());
            return;
        }

        var merged = new SortedSet<long>(_setAside);
        foreach (var (row, type) in rows)
        {
            merged.Add(row);
            _setAsideTypes[row] = _setAsideTypes.TryGetValue(row, out var types) ? $"{types} {type}" : type;
        }

        SetAsideCount = merged.Count;
        _setAside.Clear();
        _setAside.AddRange(merged.Take((int)Math.Min(merged.Count, _setAsideLimit)));
        SetAsideTruncated = merged.Count > _setAside.Count;
    }
}
