using System.Text.Json;

namespace LinkService.Configuration.Schemas;

/// <summary>Table Schema field constraints.</summary>
public sealed class FieldConstraints
{
    public bool Required { get; init; }

    public bool Unique { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>A number for numeric fields, an ISO 8601 string for dates and times (see <see cref="TemporalBound"/>).</summary>
    public JsonElement? Minimum { get; init; }

    /// <summary>A number for numeric fields, an ISO 8601 string for dates and times (see <see cref="TemporalBound"/>).</summary>
    public JsonElement? Maximum { get; init; }

    /// <summary>A regular expression the whole value must match (XML Schema style: implicitly anchored).</summary>
    public string? Pattern { get; init; }

    /// <summary>The allowed values, as they appear in the file.</summary>
    public IReadOnlyList<JsonElement>? Enum { get; init; }
}
