using LinkService.Validation.Report;

namespace LinkService.Validation.Header;

/// <summary>
/// How the file's columns map onto the schema's fields: <see cref="ColumnToField"/>[column] is the field's
/// index, or -1 for a column the schema does not know. Any error here rejects the delivery.
/// </summary>
internal sealed record HeaderMatch(int[] ColumnToField, IReadOnlyList<ValidationError> Errors, string? Hint)
{
    public bool IsValid => Errors.Count == 0;
}
