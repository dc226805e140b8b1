using LinkService.Validation.Report;

namespace LinkService.Validation.Header;

/// <summary>
/// How the file's columns map onto the schema's fields: <see cref="ColumnToField"/>[column] is the field's
/// index, or -1 for a column the schema does not know. Any error here rejects the delivery.
/// <see cref="LabelsMayBeData"/>: no label names a field, so the "header" may be a data row (a file without
/// one); its labels are then never quoted, since they may be identifier values.
/// </summary>
internal sealed record HeaderMatch(int[] ColumnToField, IReadOnlyList<ValidationError> Errors, string? Hint, bool LabelsMayBeData = false)
{
    public bool IsValid => Errors.Count == 0;
}
