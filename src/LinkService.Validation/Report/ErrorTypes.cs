namespace LinkService.Validation.Report;

/// <summary>
/// The error types a report names. Frictionless's own names where one fits; three of LinkService's
/// own (<see cref="CellSize"/>, <see cref="Quote"/>, <see cref="Compression"/>) where Frictionless has none.
/// </summary>
public static class ErrorTypes
{
    /// <summary>The check itself could not finish (for example its temp folder failed): not the delivery's fault.</summary>
    public const string General = "general-error";
    public const string Source = "source-error";
    public const string Format = "format-error";
    public const string Encoding = "encoding-error";
    public const string Compression = "compression-error";
    public const string RowCount = "row-count";
    public const string BlankLabel = "blank-label";
    public const string DuplicateLabel = "duplicate-label";
    public const string ExtraLabel = "extra-label";
    public const string MissingLabel = "missing-label";
    public const string IncorrectLabel = "incorrect-label";
    public const string BlankRow = "blank-row";
    public const string ExtraCell = "extra-cell";
    public const string MissingCell = "missing-cell";
    public const string Type = "type-error";
    public const string Constraint = "constraint-error";
    public const string Unique = "unique-error";
    public const string PrimaryKey = "primary-key";
    public const string CellSize = "cell-size-error";
    public const string Quote = "quote-error";

    public static string Title(string type) => type switch
    {
        General => "General Error",
        Source => "Source Error",
        Format => "Format Error",
        Encoding => "Encoding Error",
        Compression => "Compression Error",
        RowCount => "Row Count Error",
        BlankLabel => "Blank Label",
        DuplicateLabel => "Duplicate Label",
        ExtraLabel => "Extra Label",
        MissingLabel => "Missing Label",
        IncorrectLabel => "Incorrect Label",
        BlankRow => "Blank Row",
        ExtraCell => "Extra Cell",
        MissingCell => "Missing Cell",
        Type => "Type Error",
        Constraint => "Constraint Error",
        Unique => "Unique Error",
        PrimaryKey => "Primary Key Error",
        CellSize => "Cell Size Error",
        Quote => "Quote Error",
        _ => type,
    };

    /// <summary>Frictionless's tags: where in the table the error sits.</summary>
    public static IReadOnlyList<string> Tags(string type) => type switch
    {
        BlankLabel or DuplicateLabel or ExtraLabel or MissingLabel or IncorrectLabel => ["#table", "#header", "#label"],
        BlankRow => ["#table", "#row"],
        PrimaryKey => ["#table", "#row"],
        ExtraCell or MissingCell or Type or Constraint or Unique or CellSize or Encoding or Quote => ["#table", "#row", "#cell"],
        _ => ["#table"],
    };
}
