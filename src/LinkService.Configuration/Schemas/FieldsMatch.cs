namespace LinkService.Configuration.Schemas;

/// <summary>
/// How the header of a file must match the schema's fields (Table Schema v2 <c>fieldsMatch</c>).
/// </summary>
public enum FieldsMatch
{
    /// <summary>The same fields in the same order (the default).</summary>
    Exact,

    /// <summary>The same fields in any order.</summary>
    Equal,

    /// <summary>Every schema field is present; the file may have more.</summary>
    Subset,

    /// <summary>Every file column is a schema field; the schema may have more.</summary>
    Superset,

    /// <summary>At least one field in common.</summary>
    Partial,
}
