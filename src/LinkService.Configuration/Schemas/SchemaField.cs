namespace LinkService.Configuration.Schemas;

/// <summary>One field of a Table Schema.</summary>
public sealed class SchemaField
{
    public required string Name { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public FieldType Type { get; init; } = FieldType.String;

    /// <summary>
    /// For dates and times: <c>default</c> (ISO 8601), <c>any</c>, or a strftime-style pattern such as
    /// <c>%d/%m/%Y</c>. For strings: <c>default</c>, <c>email</c>, <c>uri</c>, <c>uuid</c>.
    /// </summary>
    public string? Format { get; init; }

    public FieldConstraints? Constraints { get; init; }

    /// <summary>Overrides the schema's <c>missingValues</c> for this field.</summary>
    public IReadOnlyList<string>? MissingValues { get; init; }

    /// <summary>Numbers: the decimal separator (default <c>.</c>).</summary>
    public string? DecimalChar { get; init; }

    /// <summary>Numbers: a thousands separator to ignore (default: none, so <c>1,234</c> is an error).</summary>
    public string? GroupChar { get; init; }

    /// <summary>Numbers: false allows leading and trailing non-numeric characters such as <c>£</c> or <c>%</c>.</summary>
    public bool? BareNumber { get; init; }

    /// <summary>Booleans: the values read as true (default <c>true, True, TRUE, 1</c>).</summary>
    public IReadOnlyList<string>? TrueValues { get; init; }

    /// <summary>Booleans: the values read as false (default <c>false, False, FALSE, 0</c>).</summary>
    public IReadOnlyList<string>? FalseValues { get; init; }

    /// <summary>LinkService's extension: what the field is for in linkage. Absent means content.</summary>
    public FieldLinkage? Linkage { get; init; }

    public LinkageRole Role => Linkage?.Role ?? LinkageRole.Content;

    /// <summary>True where the value must never appear in a log, receipt or report.</summary>
    public bool IsSensitive => Role is LinkageRole.Key or LinkageRole.Identifier;
}
