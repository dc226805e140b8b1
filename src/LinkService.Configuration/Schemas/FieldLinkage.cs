using LinkService.Configuration.Loading;
using LinkService.Configuration.Projects.Linkage;

namespace LinkService.Configuration.Schemas;

/// <summary>
/// The extra per-field property (<c>"linkage"</c>) LinkService adds to a Table Schema field:
/// <c>{ "role": "identifier", "canonical": "surname" }</c>. A field without it is content. An identifier may
/// feed a field of the custodian's own (an email address, a phone number, a department's reference) by naming
/// it and the standardiser that cleans it: <c>{ "role": "identifier", "canonical": "email", "standardiser": "email" }</c>.
/// </summary>
public sealed class FieldLinkage : IValidatableConfig
{
    public LinkageRole Role { get; init; } = LinkageRole.Content;

    /// <summary>The canonical field an identifier feeds: one of <see cref="CanonicalField.All"/>, or a field of the custodian's own.</summary>
    public string? Canonical { get; init; }

    /// <summary>How a field of the custodian's own is cleaned; the built-in fields have theirs (a project may change it).</summary>
    public StandardiseAs? Standardiser { get; init; }

    /// <summary>A field of the custodian's own, declared with its standardiser.</summary>
    public bool IsCustom => Canonical is not null && !CanonicalField.IsKnown(Canonical);

    public void Validate(ConfigErrors errors, string path)
    {
        if (Role != LinkageRole.Identifier)
        {
            if (Canonical is not null)
            {
                errors.Add($"{path}.canonical", "only an identifier names a canonical field");
            }

            if (Standardiser is not null)
            {
                errors.Add($"{path}.standardiser", "only an identifier has a standardiser");
            }

            return;
        }

        if (string.IsNullOrEmpty(Canonical))
        {
            errors.Add($"{path}.canonical", "an identifier must name the canonical field it feeds (one of: " + string.Join(", ", CanonicalField.All) + "), or a field of your own with a 'standardiser'");
        }
        else if (IsCustom && Standardiser is null)
        {
            errors.Add(
                $"{path}.canonical",
                $"'{Canonical}' is not a canonical field (one of: " + string.Join(", ", CanonicalField.All) + "), nor a field of your own, which names its 'standardiser' ("
                + string.Join(", ", CustomField.Standardisers.Select(ConfigJson.EnumName)) + ")" + NearestName.Hint(Canonical, CanonicalField.All));
        }
        else if (IsCustom && !CustomField.IsValidName(Canonical))
        {
            errors.Add($"{path}.canonical", $"a field of your own is named in lower-case letters, digits and underscores, starting with a letter, not '{Canonical}'");
        }
        else if (Standardiser is { } standardiser && !IsCustom)
        {
            errors.Add($"{path}.standardiser", $"'{Canonical}' is a built-in field with its own standardiser; a project changes it with linkage.standardisation.{Canonical}.as ('{ConfigJson.EnumName(standardiser)}' here)");
        }
        else if (Standardiser is { } custom && !CustomField.Standardisers.Contains(custom))
        {
            errors.Add($"{path}.standardiser", $"'{ConfigJson.EnumName(custom)}' does not apply to a field of your own (one of: " + string.Join(", ", CustomField.Standardisers.Select(ConfigJson.EnumName)) + ")");
        }
    }
}
