using System.Text.Json.Serialization;
using LinkService.Configuration.Loading;

namespace LinkService.Configuration.Projects.Outputs;

/// <summary>
/// An aggregate table (counts, sums or means of a content column by chosen groupings) built from one de-identified
/// file and checked with the rules of secure research environments before release. Defaults are the usual ones:
/// at least 10 persons a cell, the two largest contributors at most 90 % of a magnitude cell, p-ratio 10 %.
/// </summary>
public sealed class AggregateTableSpec : IValidatableConfig, ICatalogAwareConfig
{
    /// <summary>The table's name; its file is <c>&lt;name&gt;.csv</c>.</summary>
    public required string Name { get; init; }

    /// <summary>What one cell is, for the data dictionary. Absent: said from the grouping and statistic.</summary>
    public string? Description { get; init; }

    /// <summary>The de-identified file the table is built from: the source it carries (or its file name).</summary>
    public required string From { get; init; }

    /// <summary>The file's output columns whose combinations make the cells. Empty: one cell, the whole file.</summary>
    public IReadOnlyList<string> GroupBy { get; init; } = [];

    public AggregateStatistic Statistic { get; init; } = AggregateStatistic.Count;

    /// <summary>The content column summed or averaged; only with <c>sum</c> or <c>mean</c>.</summary>
    public string? Column { get; init; }

    /// <summary>A cell describing fewer persons than this is not released.</summary>
    public int Threshold { get; init; } = DefaultThreshold;

    /// <summary>Released values are rounded to a multiple of this base (usually 5), after the checks. Absent: not rounded.</summary>
    public int? Round { get; init; }

    /// <summary>Cells that break a rule are blanked in the released table (and the table may pass); false: the table fails.</summary>
    public bool Suppress { get; init; } = true;

    /// <summary>How many of a magnitude cell's largest contributors the dominance rule adds up.</summary>
    public int DominanceContributors { get; init; } = DefaultDominanceContributors;

    /// <summary>The largest share of a magnitude cell's total those contributors may hold.</summary>
    public decimal DominancePercent { get; init; } = DefaultDominancePercent;

    /// <summary>The rest of a magnitude cell (total less its two largest contributors) must be at least this share of the largest.</summary>
    [JsonPropertyName("pRatioPercent")]
    public decimal PRatioPercent { get; init; } = DefaultPRatioPercent;

    public const int DefaultThreshold = 10;
    public const int DefaultDominanceContributors = 2;
    public const decimal DefaultDominancePercent = 90m;
    public const decimal DefaultPRatioPercent = 10m;

    /// <summary>Whether the cells hold a magnitude (sum or mean of a column), to which dominance and p-ratio apply.</summary>
    [JsonIgnore]
    public bool IsMagnitude => Statistic != AggregateStatistic.Count;

    /// <summary>The released table's column holding each cell's value: <c>count</c>, or the column's name and its statistic.</summary>
    [JsonIgnore]
    public string ValueColumn => IsMagnitude ? $"{Column}_{ConfigJson.EnumName(Statistic)}" : ConfigJson.EnumName(Statistic);

    /// <summary>The table's file in the output folder.</summary>
    [JsonIgnore]
    public string FileName => Name + ".csv";

    /// <summary>
    /// The de-identified file the table is built from: the one whose file name is <see cref="From"/>, else the only one
    /// carrying the source <see cref="From"/>. Null when none is, or when the source has several files.
    /// </summary>
    public OutputFileSpec? FindFile(IReadOnlyList<OutputFileSpec> files) =>
        files.FirstOrDefault(f => string.Equals(f.OutputFileName, From, StringComparison.Ordinal))
        ?? (files.Count(f => string.Equals(f.Source, From, StringComparison.Ordinal)) == 1 ? files.Single(f => string.Equals(f.Source, From, StringComparison.Ordinal)) : null);

    public void Validate(ConfigErrors errors, string path) => AggregateTableRules.Validate(this, errors, path);

    /// <summary>The checks against the rest of the project's outputs: the file it names, its columns, the names of files and tables.</summary>
    public void ValidateWithin(OutputsSpec outputs, ConfigErrors errors, string path) => AggregateTableRules.ValidateWithin(this, outputs, errors, path);

    /// <summary>The checks against the source's schema: a sum or mean is taken of a number.</summary>
    public void ValidateAgainst(ConfigCatalog catalog, ConfigErrors errors, string path) => AggregateTableRules.ValidateAgainst(this, catalog, errors, path);
}
