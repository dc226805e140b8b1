using System.Globalization;
using LinkService.Configuration.Loading;
using LinkService.Configuration.Projects.Outputs;
using LinkService.Outputs.Stages;

namespace LinkService.Outputs.Disclosure;

/// <summary>How the package describes a released table: its title, what a row is, and its columns' types and meanings.</summary>
internal static class ReleasedTableDescription
{
    public static OutputTable Describe(AggregateTableSpec spec, OutputTable source, long rows)
    {
        var grouping = spec.GroupBy.Count == 0 ? "" : $" by {string.Join(", ", spec.GroupBy)}";
        var statistic = ConfigJson.EnumName(spec.Statistic);
        var title = spec.IsMagnitude ? $"{statistic} of {spec.Column}{grouping}" : $"{statistic} of rows{grouping}";
        var description = spec.Description ?? (spec.GroupBy.Count == 0
            ? $"One row: the whole of {source.FileName}."
            : $"One row per combination of {string.Join(", ", spec.GroupBy)} in {source.FileName}, including combinations no row has.");
        var columns = spec.GroupBy
            .Select(g => source.Columns.FirstOrDefault(c => c.Name == g) ?? new OutputColumn(g, "string", ""))
            .Append(new OutputColumn(spec.ValueColumn, ValueType(spec, source), ValueMeaning(spec)))
            .ToList();
        return new OutputTable(spec.FileName, title, description, columns, rows, null);
    }

    private static string ValueType(AggregateTableSpec spec, OutputTable source) => spec.Statistic switch
    {
        AggregateStatistic.Count => "integer",
        AggregateStatistic.Sum when source.Columns.FirstOrDefault(c => c.Name == spec.Column)?.Type == "integer" => "integer",
        _ => "number",
    };

    private static string ValueMeaning(AggregateTableSpec spec)
    {
        var what = spec.Statistic switch
        {
            AggregateStatistic.Count => "The number of rows in the cell.",
            AggregateStatistic.Sum => $"The total of {spec.Column} over the cell's rows.",
            _ => $"The mean of {spec.Column} over the cell's rows that hold a value (blank when none does).",
        };
        var rules = spec.IsMagnitude
            ? $"fewer than {spec.Threshold} persons, {spec.DominanceContributors} persons holding more than {spec.DominancePercent.ToString(CultureInfo.InvariantCulture)} % of it, or a p-ratio under {spec.PRatioPercent.ToString(CultureInfo.InvariantCulture)} %"
            : $"fewer than {spec.Threshold} persons";
        var rounded = spec.Round is { } b ? $" Values are rounded to a multiple of {b}." : "";
        return $"{what} Blank where the cell describes {rules} (suppressed).{rounded}";
    }
}
