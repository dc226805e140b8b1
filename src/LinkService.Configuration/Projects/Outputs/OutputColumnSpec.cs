namespace LinkService.Configuration.Projects.Outputs;

/// <summary>
/// One chosen column of a de-identified file: a schema field of the source and the transform its values go through.
/// Which of the settings below apply depends on the transform; giving one another transform ignores is an error.
/// </summary>
public sealed class OutputColumnSpec
{
    /// <summary>The source schema's field.</summary>
    public required string Column { get; init; }

    /// <summary>The column's name in the output file; default the field's name.</summary>
    public string? As { get; init; }

    public ColumnTransform Transform { get; init; } = ColumnTransform.Keep;

    /// <summary><c>age-band</c>: the width of a band in years.</summary>
    public int? BandWidth { get; init; }

    /// <summary><c>age-band</c>: the fixed date (yyyy-MM-dd) ages are taken at.</summary>
    public string? AtDate { get; init; }

    /// <summary><c>age-band</c>: the source's date column ages are taken at, row by row.</summary>
    public string? AtColumn { get; init; }

    /// <summary><c>top-code</c>: the largest value shown.</summary>
    public decimal? Maximum { get; init; }

    /// <summary><c>category</c>: value to group.</summary>
    public IReadOnlyDictionary<string, string>? Groups { get; init; }

    /// <summary><c>category</c>: the group of a value not in <see cref="Groups"/>.</summary>
    public string? Default { get; init; }

    /// <summary>The column's name in the output file.</summary>
    public string OutputName => As ?? Column;
}
