namespace LinkService.Validation.Report;

/// <summary>
/// One problem found in a delivery. The message names the row and field and never carries the value of
/// an identifier or key field.
/// </summary>
/// <param name="Type">A Frictionless error type, see <see cref="ErrorTypes"/>.</param>
/// <param name="Message">What is wrong, readable by the department.</param>
/// <param name="RowNumber">The data row (1 = the first row after the header); null for file and header errors.</param>
/// <param name="LineNumber">The physical line the row starts on (1 = the first line of the file).</param>
/// <param name="FieldName">The schema field or header label concerned.</param>
/// <param name="FieldNumber">The column's position in the file, from 1.</param>
public sealed record ValidationError(
    string Type,
    string Message,
    long? RowNumber = null,
    long? LineNumber = null,
    string? FieldName = null,
    int? FieldNumber = null)
{
    public string Title => ErrorTypes.Title(Type);
}
