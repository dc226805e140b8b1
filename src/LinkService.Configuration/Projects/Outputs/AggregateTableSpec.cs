using LinkService.Configuration.Loading;

namespace LinkService.Configuration.Projects.Outputs;

/// <summary>An aggregate table (counts, sums or means of a content column by chosen groupings), checked before release.</summary>
public sealed class AggregateTableSpec : IValidatableConfig
{
    /// <summary>The table's name; its file is <c>&lt;name&gt;.csv</c>.</summary>
    public required string Name { get; init; }

    public void Validate(ConfigErrors errors, string path)
    {
    }
}
