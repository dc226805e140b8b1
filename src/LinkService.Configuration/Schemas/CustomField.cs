using LinkService.Configuration.Projects.Linkage;

namespace LinkService.Configuration.Schemas;

/// <summary>
/// Identifier fields beyond <see cref="CanonicalField.All"/> that a schema declares with a standardiser, so a source
/// can link on what it has (an email address, a phone number, an address line, a department's own reference).
/// </summary>
public static class CustomField
{
    /// <summary>The standardisers a custom field may declare.</summary>
    public static IReadOnlyList<StandardiseAs> Standardisers { get; } =
    [
        StandardiseAs.Text, StandardiseAs.UpperAlnum, StandardiseAs.Email, StandardiseAs.Phone, StandardiseAs.Address,
        StandardiseAs.Name, StandardiseAs.Reference, StandardiseAs.Postcode, StandardiseAs.Date,
    ];

    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= 64 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    /// <summary>The standardiser each custom field is declared with across <paramref name="schemas"/> (the first declaration; disagreements are the caller's to report).</summary>
    public static IReadOnlyDictionary<string, StandardiseAs> Declared(IEnumerable<TableSchema> schemas)
    {
        var declared = new Dictionary<string, StandardiseAs>(StringComparer.Ordinal);
        foreach (var field in schemas.SelectMany(s => s.Fields))
        {
            if (field.Role == LinkageRole.Identifier && field.Linkage is { IsCustom: true, Standardiser: { } standardiser, Canonical: { } name })
            {
                declared.TryAdd(name, standardiser);
            }
        }

        return declared;
    }
}
