namespace LinkService.Synth.Columns;

/// <summary>What a column is generated from: the record key, an identifier, or content by type.</summary>
internal enum ColumnKind
{
    Key,
    Forename,

    /// <summary>A forename column in a schema without a middle-names column: all forenames, space separated.</summary>
    AllForenames,
    MiddleNames,
    Surname,
    FullName,
    DateOfBirth,
    Sex,
    Postcode,
    AddressLine,
    Locality,
    NiNumber,
    ReferenceNumber,
    Enum,
    Integer,
    Number,
    Date,
    DateTime,
    Boolean,
    Year,
    Text,
}
