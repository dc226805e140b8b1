namespace LinkService.Configuration.Schemas;

/// <summary>
/// The canonical identifier fields a schema column can feed. Linkage projects compare and block on
/// these names, so sources with different column names link on the same terms.
/// </summary>
public static class CanonicalField
{
    public const string Forename = "forename";
    public const string MiddleNames = "middle_names";
    public const string Surname = "surname";
    public const string FullName = "full_name";
    public const string DateOfBirth = "date_of_birth";
    public const string Sex = "sex";
    public const string Postcode = "postcode";
    public const string AddressLine = "address_line";
    public const string Locality = "locality";
    public const string NationalInsuranceNumber = "ni_number";
    public const string ReferenceNumber = "reference_number";

    public static IReadOnlyList<string> All { get; } =
    [
        Forename, MiddleNames, Surname, FullName, DateOfBirth, Sex, Postcode, AddressLine, Locality,
        NationalInsuranceNumber, ReferenceNumber,
    ];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);
}
