using System.Diagnostics.CodeAnalysis;

namespace LinkService.Configuration.Schemas;

/// <summary>The Table Schema field types LinkService checks (Frictionless Table Schema v2 names).</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members are Table Schema's own type names, which custodians write in JSON.")]
public enum FieldType
{
    String,
    Integer,
    Number,
    Boolean,
    Date,
    Datetime,
    Year,
}
