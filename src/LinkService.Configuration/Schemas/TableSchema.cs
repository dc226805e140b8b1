using System.Text.Json.Serialization;
using LinkService.Configuration.Loading;

namespace LinkService.Configuration.Schemas;

/// <summary>
/// A Frictionless Table Schema (v2 property names) with LinkService's per-field <c>linkage</c> role.
/// Loaded from <c>config/schemas/&lt;name&gt;.json</c>.
/// </summary>
public sealed class TableSchema : IValidatableConfig
{
    /// <summary>The schema's name: its file name without <c>.json</c>. Set by the loader.</summary>
    [JsonIgnore]
    public string Name { get; set; } = "";

    /// <summary>The profile URL; accepted and ignored, so custodians can keep it for their editors.</summary>
    [JsonPropertyName("$schema")]
    public string? Profile { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public required IReadOnlyList<SchemaField> Fields { get; init; }

    /// <summary>Cell values read as missing. Table Schema's default is the empty string alone.</summary>
    public IReadOnlyList<string> MissingValues { get; init; } = [""];

    public IReadOnlyList<string> PrimaryKey { get; init; } = [];

    public FieldsMatch FieldsMatch { get; init; } = FieldsMatch.Exact;

    /// <summary>The single field whose role is <see cref="LinkageRole.Key"/>.</summary>
    [JsonIgnore]
    public SchemaField? KeyField => Fields.SingleOrDefault(f => f.Role == LinkageRole.Key);

    public SchemaField? FindField(string name) => Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    public IEnumerable<SchemaField> IdentifiersFeeding(string canonical) =>
        Fields.Where(f => f.Role == LinkageRole.Identifier && string.Equals(f.Linkage!.Canonical, canonical, StringComparison.Ordinal));

    public void Validate(ConfigErrors errors, string path)
    {
        if (Fields.Count == 0)
        {
            errors.Add($"{path}.fields", "a schema needs at least one field");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var cleanedAs = new Dictionary<string, SchemaField>(StringComparer.Ordinal);
        for (var i = 0; i < Fields.Count; i++)
        {
            var field = Fields[i];
            var fieldPath = $"{path}.fields[{i}]";
            if (string.IsNullOrWhiteSpace(field.Name))
            {
                errors.Add($"{fieldPath}.name", "a field needs a name");
            }
            else if (!seen.Add(field.Name))
            {
                errors.Add($"{fieldPath}.name", $"field '{field.Name}' is defined twice");
            }

            SchemaFieldRules.Validate(field, errors, fieldPath);

            // Linkage cleans a field of the custodian's own one way, its first column's: a second column declared with
            // another standardiser was read as the first's kind (phone numbers as email addresses, every one missing).
            if (field is { Role: LinkageRole.Identifier, Linkage: { IsCustom: true, Standardiser: { } kind, Canonical: { } canonical } })
            {
                if (cleanedAs.TryGetValue(canonical, out var first) && first.Linkage!.Standardiser != kind)
                {
                    errors.Add(
                        $"{fieldPath}.linkage.standardiser",
                        $"field '{field.Name}' feeds '{canonical}' with standardiser '{ConfigJson.EnumName(kind)}', and field '{first.Name}' with '{ConfigJson.EnumName(first.Linkage.Standardiser!.Value)}': a field is cleaned one way, so give both one standardiser or feed two fields");
                }

                cleanedAs.TryAdd(canonical, field);
            }
        }

        var keys = Fields.Count(f => f.Role == LinkageRole.Key);
        if (keys != 1)
        {
            errors.Add($"{path}.fields", $"exactly one field must have the linkage role 'key' (the record key); found {keys}");
        }

        for (var i = 0; i < PrimaryKey.Count; i++)
        {
            if (FindField(PrimaryKey[i]) is null)
            {
                errors.Add($"{path}.primaryKey[{i}]", $"'{PrimaryKey[i]}' is not a field of this schema");
            }
        }
    }
}
