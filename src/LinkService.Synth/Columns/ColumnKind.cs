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

    /// <summary>A custom identifier the schema standardises as an email address.</summary>
    Email,

    /// <summary>A custom identifier the schema standardises as a phone number.</summary>
    Phone,
    Enum,
    Integer,
    Number,
    Date,
    DateTime,
    Boolean,
    Year,
    Text,
}
