namespace LinkService.Validation;

/// <summary>Where a check writes what it sets aside.</summary>
/// <param name="RejectsFilePath">
/// The rejects file in quarantine for rows set aside: one CSV record per row with its row number, line
/// number, error types and the row's original text, so nothing is lost. Null: write none.
/// It is written only when rows are set aside and the delivery is accepted; otherwise no file is left.
/// </param>
/// <param name="ErrorsFilePath">
/// Where to write every row error (row, line, field, column, error type, problem; never a value) as CSV. Kept only
/// when the report's groups cannot name every row (<see cref="Report.ValidationReport.ErrorsFile"/>). Null: write none.
/// </param>
/// <param name="FileName">
/// The name the report and the log give the file: a stored delivery's original name, which the department
/// knows, rather than the store's. Null: the name of the file validated.
/// </param>
public sealed record ValidationOutputs(string? RejectsFilePath, string? FileName = null, string? ErrorsFilePath = null)
{
    public static ValidationOutputs None { get; } = new((string?)null);
}
