using LinkService.Configuration.Loading;

namespace LinkService.Configuration.Schemas;

/// <summary>
/// The extra per-field property (<c>"linkage"</c>) LinkService adds to a Table Schema field:
/// <c>{ "role": "identifier", "canonical": "surname" }</c>. A field without it is content.
/// </summary>
public sealed class FieldLinkage : IValidatableConfig
{
    public LinkageRole Role { get; init; } = LinkageRole.Content;

    /// <summary>The canonical field an identifier feeds; one of <see cref="CanonicalField.All"/>.</summary>
    public string? Canonical { get; init; }

    public void Validate(ConfigErrors errors, string path)
    {
        if (Role == LinkageRole.Identifier)
        {
            if (string.IsNullOrEmpty(Canonical))
            {
                errors.Add($"{path}.canonical", "an identifier must name the canonical field it feeds (one of: " + string.Join(", ", CanonicalField.All) + ")");
            }
            else if (!CanonicalField.IsKnown(Canonical))
            {
                errors.Add($"{path}.canonical", $"'{Canonical}' is not a canonical field (one of: " + string.Join(", ", CanonicalField.All) + ")" + NearestName.Hint(Canonical, CanonicalField.All));
            }
        }
        else if (Canonical is not null)
        {
            errors.Add($"{path}.canonical", "only an identifier names a canonical field");
        }
    }
}
