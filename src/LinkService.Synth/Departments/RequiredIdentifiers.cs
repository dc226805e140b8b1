using LinkService.Synth.Columns;

namespace LinkService.Synth.Departments;

/// <summary>
/// The identifiers a schema requires, which a department therefore never leaves blank: realism
/// blanks only optional identifiers.
/// </summary>
internal readonly record struct RequiredIdentifiers(bool Forename, bool Surname, bool BirthDate, bool Address, bool Ni, bool Sex, bool KnownSex)
{
    public static RequiredIdentifiers Of(IReadOnlyList<Column> columns)
    {
        bool Any(params ColumnKind[] kinds) => columns.Any(c => c.Required && kinds.Contains(c.Kind));
        return new RequiredIdentifiers(
            Forename: Any(ColumnKind.Forename, ColumnKind.AllForenames, ColumnKind.FullName),
            Surname: Any(ColumnKind.Surname, ColumnKind.FullName),
            BirthDate: Any(ColumnKind.DateOfBirth),
            Address: Any(ColumnKind.Postcode, ColumnKind.AddressLine, ColumnKind.Locality),
            Ni: Any(ColumnKind.NiNumber),
            Sex: Any(ColumnKind.Sex),
            KnownSex: columns.Any(c => c.Kind == ColumnKind.Sex && c.Required && c.Values[2] is null));
    }
}
