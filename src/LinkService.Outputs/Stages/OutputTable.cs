namespace LinkService.Outputs.Stages;

/// <summary>One file of an output, as the package describes it (Table Schema fields with descriptions).</summary>
/// <param name="FileName">Its name inside the output folder.</param>
/// <param name="Title">A short title for the data dictionary.</param>
/// <param name="Description">What one row is, and where it came from.</param>
/// <param name="Columns">Its columns, in order.</param>
/// <param name="Rows">Its data rows.</param>
/// <param name="KAnonymity">The k-anonymity figures of a de-identified record file; null for an aggregate table.</param>
public sealed record OutputTable(
    string FileName,
    string Title,
    string Description,
    IReadOnlyList<OutputColumn> Columns,
    long Rows,
    KAnonymityFigures? KAnonymity);

/// <summary>
/// A column of an output file: its Table Schema type (string, integer, number, date, year, ...), meaning, and the
/// transform that derived it from the delivered data (e.g. "age band at 2024-04-01"), shown in the data dictionary.
/// </summary>
public sealed record OutputColumn(string Name, string Type, string Description, string? Transform = null);

/// <summary>
/// What k-anonymity did to a file: rows in equivalence classes (over the quasi-identifiers) smaller than k had their
/// quasi-identifiers suppressed or were dropped. Counts only, never values.
/// </summary>
public sealed record KAnonymityFigures(
    int K,
    IReadOnlyList<string> QuasiIdentifiers,
    long ClassesBelowK,
    long RowsSuppressed,
    long RowsDropped,
    long SmallestClassAfter);
