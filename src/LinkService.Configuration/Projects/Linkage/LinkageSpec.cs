using LinkService.Configuration.Loading;

namespace LinkService.Configuration.Projects.Linkage;

/// <summary>
/// The <c>linkage</c> section of a project: standardisation, blocking, comparisons, training,
/// thresholds and clustering. Every part has a default, so <c>"linkage": {}</c> is a working start.
/// </summary>
public sealed class LinkageSpec : IValidatableConfig, ICatalogAwareConfig
{
    /// <summary>Per canonical field; fields not named are standardised by their name's kind.</summary>
    public IReadOnlyDictionary<string, StandardisationSpec> Standardisation { get; init; } = new Dictionary<string, StandardisationSpec>();

    public IReadOnlyList<BlockingRuleSpec> Blocking { get; init; } = LinkageDefaults.Blocking;

    public IReadOnlyList<ComparisonSpec> Comparisons { get; init; } = LinkageDefaults.Comparisons;

    public TrainingSpec Training { get; init; } = new();

    public ThresholdSpec Thresholds { get; init; } = new();

    public ClusteringSpec Clustering { get; init; } = new();

    /// <summary>
    /// How <paramref name="field"/> is standardised: as this project says, else as its sources' schemas
    /// <paramref name="declared"/> it (a field of the custodian's own), else by its name.
    /// </summary>
    public StandardiseAs KindOf(string field, StandardiseAs declared = StandardiseAs.Auto)
    {
        var kind = Standardisation.TryGetValue(field, out var spec) ? spec.As : StandardiseAs.Auto;
        return kind != StandardiseAs.Auto ? kind : declared != StandardiseAs.Auto ? declared : LinkageDefaults.KindFor(field);
    }

    /// <summary>Whether the project itself says how <paramref name="field"/> is standardised.</summary>
    public bool StandardisesExplicitly(string field) => Standardisation.TryGetValue(field, out var spec) && spec.As != StandardiseAs.Auto;

    public IEnumerable<(string Field, string Path)> FieldsUsed()
    {
        for (var r = 0; r < Blocking.Count; r++)
        {
            for (var k = 0; k < Blocking[r].Keys.Count; k++)
            {
                yield return (Blocking[r].Keys[k].Field, $"blocking[{r}].keys[{k}].field");
            }
        }

        for (var c = 0; c < Comparisons.Count; c++)
        {
            yield return (Comparisons[c].Field, $"comparisons[{c}].field");
            for (var l = 0; l < Comparisons[c].Levels.Count; l++)
            {
                if (Comparisons[c].Levels[l].OtherField is { } other)
                {
                    yield return (other, $"comparisons[{c}].levels[{l}].otherField");
                }
            }
        }
    }

    public void Validate(ConfigErrors errors, string path) => LinkageSpecRules.Validate(this, errors, path);

    public void ValidateAgainst(ConfigCatalog catalog, ConfigErrors errors, string path) => LinkageSpecRules.ValidateAgainst(this, catalog, errors, path);
}
