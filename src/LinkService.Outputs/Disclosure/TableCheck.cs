using System.Globalization;
using LinkService.Configuration.Projects.Outputs;
using LinkService.Outputs.Stages;

namespace LinkService.Outputs.Disclosure;

/// <summary>
/// Applies the cell rules to a built table: a finding per rule naming columns and counts (never a group's label or a
/// value), the cells to suppress, and each released value (rounded after the checks where asked).
/// </summary>
internal static class TableCheck
{
    public static TableOutcome Check(AggregateTableSpec spec, IReadOnlyList<TableCell> cells)
    {
        var findings = new List<DisclosureFinding>();
        var breaking = new bool[cells.Count];
        var withRows = cells.Count(c => c.Rows > 0);

        findings.Add(Rule(spec, DisclosureRules.Threshold, Mark(cells, breaking, c => CellRules.BelowThreshold(c, spec.Threshold)), withRows,
            $"describe fewer than {spec.Threshold} persons",
            $"describe at least {spec.Threshold} persons"));
        if (spec.IsMagnitude)
        {
            findings.Add(Rule(spec, DisclosureRules.Dominance, Mark(cells, breaking, c => CellRules.Dominated(c, spec.DominanceContributors, spec.DominancePercent)), withRows,
                $"have their {spec.DominanceContributors} largest contributors holding more than {Percent(spec.DominancePercent)} % of the cell's total",
                $"have their {spec.DominanceContributors} largest contributors holding at most {Percent(spec.DominancePercent)} % of the cell's total"));
            findings.Add(Rule(spec, DisclosureRules.PRatio, Mark(cells, breaking, c => CellRules.FailsPRatio(c, spec.PRatioPercent)), withRows,
                $"have a total less their two largest contributors under {Percent(spec.PRatioPercent)} % of the largest",
                $"have a total less their two largest contributors of at least {Percent(spec.PRatioPercent)} % of the largest"));
        }

        var zeros = cells.Count(c => CellRules.IsZero(c, spec.IsMagnitude));
        findings.Add(zeros == 0
            ? new DisclosureFinding(spec.FileName, DisclosureRules.Zeros, DisclosureVerdict.Pass, $"none of {Counted.Of(cells.Count, "cell")} is zero")
            : new DisclosureFinding(spec.FileName, DisclosureRules.Zeros, DisclosureVerdict.Review,
                $"{zeros} of {Counted.Of(cells.Count, "cell")} {Counted.Is(zeros)} zero; review whether each is structural (the combination cannot occur) or a sampling zero, which can disclose that no one in a group has a value"));

        if (spec.Round is { } roundingBase)
        {
            findings.Add(new DisclosureFinding(spec.FileName, DisclosureRules.Rounding, DisclosureVerdict.Pass, $"released values rounded to base {roundingBase}, after the checks"));
        }

        var suppressed = spec.Suppress ? breaking.Count(b => b) : 0;
        var values = cells.Select((c, i) => spec.Suppress && breaking[i] ? null : Released(spec, c)).ToList();
        return new TableOutcome(findings, values, suppressed);
    }

    private static int Mark(IReadOnlyList<TableCell> cells, bool[] breaking, Func<TableCell, bool> breaks)
    {
        var count = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            if (breaks(cells[i]))
            {
                breaking[i] = true;
                count++;
            }
        }

        return count;
    }

    private static DisclosureFinding Rule(AggregateTableSpec spec, string rule, int breaking, int withRows, string breaks, string holds) =>
        breaking == 0 ? new(spec.FileName, rule, DisclosureVerdict.Pass, $"all {Counted.Of(withRows, "cell")} with rows {holds}")
        : spec.Suppress ? new(spec.FileName, rule, DisclosureVerdict.Pass, $"{breaking} of {Counted.Of(withRows, "cell")} with rows {breaks}; suppressed in the released table")
        : new(spec.FileName, rule, DisclosureVerdict.Fail, $"{breaking} of {Counted.Of(withRows, "cell")} with rows {breaks}; suppress is off, so the table is not released");

    private static decimal? Released(AggregateTableSpec spec, TableCell cell)
    {
        decimal? value = spec.Statistic switch
        {
            AggregateStatistic.Count => cell.Rows,
            AggregateStatistic.Sum => cell.Total,
            _ => cell.Values == 0 ? null : cell.Total / cell.Values,
        };
        return value is not { } v ? null
            : spec.Round is { } roundingBase ? Rounding.ToBase(v, roundingBase)
            : spec.Statistic == AggregateStatistic.Mean ? Math.Round(v, MeanDecimals, MidpointRounding.AwayFromZero)
            : v;
    }

    private const int MeanDecimals = 2;

    private static string Percent(decimal percent) => percent.ToString(CultureInfo.InvariantCulture);
}
