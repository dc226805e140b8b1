using System.Text;

namespace LinkService.Outputs.Packaging.QualityReport;

/// <summary>
/// The linkage quality report: one self-contained HTML page (inline CSS and SVG, no script, nothing fetched; a
/// Content-Security-Policy forbids loading anything) drawing the run's figures. Every text is HTML-encoded.
/// </summary>
internal static partial class QualityPage
{
    public static string Render(QualityFigures figures)
    {
        var title = $"Linkage quality: {figures.Project}, run {figures.Run}";
        var page = new StringBuilder(64 * 1024);
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Html.Text(title)).Append("</title>\n<style>\n").Append(PageStyle.Css).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>Linkage quality</h1>\n<p class=\"lede\">Project <strong>").Append(Html.Text(figures.Project)).Append("</strong>, run <strong>")
            .Append(Html.Text(figures.Run)).Append("</strong>, written ").Append(Html.Text(figures.Created)).Append(". Figures only: no record appears here.</p>\n");
        Summary(page, figures);
        Weights(page, figures);
        Comparisons(page, figures);
        Sources(page, figures);
        Blocking(page, figures);
        Errors(page, figures);
        page.Append("</body>\n</html>\n");
        return page.ToString();
    }

    private static void Summary(StringBuilder page, QualityFigures figures)
    {
        page.Append("<section id=\"summary\">\n<dl class=\"figures\">\n");
        Figure(page, "Records", Html.Count(figures.Sources.Sum(s => (long)s.Records)));
        Figure(page, "Pairs compared", Html.Count(figures.PairsCompared));
        Figure(page, "Links", Html.Count(figures.Links));
        Figure(page, "Pairs for review", Html.Count(figures.ReviewPairs));
        Figure(page, "People (entities)", Html.Count(figures.Entities));
        Figure(page, "Estimated false links", Html.Percent(figures.Estimates.FalseLinkRate));
        Figure(page, "Estimated missed links", Html.Percent(figures.Estimates.MissedLinkRate));
        page.Append("</dl>\n</section>\n");
    }

    private static void Weights(StringBuilder page, QualityFigures figures)
    {
        var t = figures.Thresholds;
        page.Append("<section id=\"weights\">\n<h2>Match-weight distribution</h2>\n<p class=\"note\">Every pair the blocking rules generated, by its match weight (log2 of the odds that it is a match). Pairs at or above probability ")
            .Append(Html.Probability(t.Match)).Append(" (weight ").Append(Html.Weight(t.MatchWeight)).Append(") are links")
            .Append(t.MatchWithinSource is { } within && within != t.Match ? $" (two records of one source: at or above {Html.Probability(within)})" : string.Empty).Append("; from ")
            .Append(Html.Probability(t.Review)).Append(" (weight ").Append(Html.Weight(t.ReviewWeight)).Append(") they go to clerical review. The vertical scale is logarithmic.</p>\n")
            .Append(WeightHistogram.Svg("chart-weights", figures.WeightDistribution, t)).Append("\n</section>\n");
    }

    private static void Comparisons(StringBuilder page, QualityFigures figures)
    {
        var levels = figures.Comparisons.SelectMany(c => c.Levels.Select(l => (c.Field, Level: l))).ToList();
        var extent = Math.Max(1, levels.Select(l => Math.Abs(Finite(l.Level.Weight))).DefaultIfEmpty(1).Max());
        var bars = levels.Select(l => new Bar($"{l.Field}: {l.Level.Level}", Finite(l.Level.Weight), Html.Weight(l.Level.Weight), l.Level.Weight < 0 ? "bar-negative" : "bar-positive")).ToList();
        page.Append("<section id=\"comparisons\">\n<h2>Comparison levels</h2>\n<p class=\"note\">For each comparison and level: m, the share of true matches at that level; u, the share of non-matches; and the weight, log2(m/u), the level adds to a pair's match weight. A level marked <em>thin evidence</em> rests on few pairs in training, so its m or u is uncertain. The prior weight is ")
            .Append(Html.Weight(figures.PriorWeight)).Append(" (prior probability ").Append(Html.Probability(figures.Prior)).Append(").</p>\n")
            .Append(BarChart.Svg("chart-comparisons", "Weight of each comparison level", bars, -extent, extent))
            .Append("\n<table id=\"comparison-table\">\n<thead><tr><th>Comparison</th><th>Level</th><th class=\"n\">m</th><th class=\"n\">u</th><th class=\"n\">Weight</th></tr></thead>\n<tbody>\n");
        foreach (var comparison in figures.Comparisons)
        {
            foreach (var level in comparison.Levels)
            {
                page.Append("<tr><td>").Append(Html.Text(comparison.Field)).Append(comparison.TermFrequency ? " (term frequency)" : "").Append("</td><td>")
                    .Append(Html.Text(level.Level)).Append(level.Thin ? " <em class=\"thin\">thin evidence</em>" : "").Append("</td><td class=\"n\">").Append(Html.Probability(level.M)).Append("</td><td class=\"n\">")
                    .Append(Html.Probability(level.U)).Append("</td><td class=\"n\">").Append(Html.Weight(level.Weight)).Append("</td></tr>\n");
            }
        }

        page.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Figure(StringBuilder page, string name, string value) =>
        page.Append("<div><dt>").Append(name).Append("</dt><dd>").Append(value).Append("</dd></div>\n");

    /// <summary>A level never seen among matches has weight −∞; its bar is drawn at the chart's edge.</summary>
    private static double Finite(double weight) => double.IsFinite(weight) ? weight : Math.CopySign(1e6, weight);
}
