using System.Text.RegularExpressions;
using LinkService.Synth.Writing;

namespace LinkService.Synth.Columns;

/// <summary>One schema field, resolved into what the generator needs to fill it.</summary>
internal sealed class Column
{
    public required string Name { get; init; }

    public required ColumnKind Kind { get; init; }

    /// <summary>The field's maxLength; 0 when it has none.</summary>
    public int MaxLength { get; init; }

    public bool Required { get; init; }

    /// <summary>What a missing value is written as: the empty string when the schema allows it.</summary>
    public string Missing { get; init; } = "";

    public DateFormatter? Dates { get; init; }

    /// <summary>Enum values; for sex, the codes for male, female and unknown (null when the enum has none).</summary>
    public IReadOnlyList<string?> Values { get; init; } = [];

    public double? Minimum { get; init; }

    public double? Maximum { get; init; }

    public DateOnly? EarliestDate { get; init; }

    public DateOnly? LatestDate { get; init; }

    /// <summary>An identifier's pattern: a value a department's typo would break is written as it should be.</summary>
    public Regex? Pattern { get; init; }

    /// <summary>For text matching PREFIX[0-9]{n}: the prefix and digit count.</summary>
    public KeyFormat? Code { get; init; }
}
