using System.Text;
using LinkService.Linkage.Engine;

namespace LinkService.Outputs.Packaging.QualityReport;

/// <summary>
/// The match-weight distribution as inline SVG: one bar per unit of weight, its height on a log scale (non-matches
/// outnumber matches by orders of magnitude), coloured by the band it falls in, with the review and match thresholds.
/// </summary>
internal static class WeightHistogram
{
    private const double Width = 760;
    private const double Height = 300;
    private const double Left = 60;
    private const double Right = 10;
    private const double Top = 16;
    private const double Bottom = 40;

    public static string Svg(string id, IReadOnlyList<WeightBin> bins, QualityFigures.ThresholdFigures thresholds)
    {
        var low = bins.Count == 0 ? -10 : Math.Min(bins.Min(b => b.From), (int)Math.Floor(thresholds.ReviewWeight));
        var high = bins.Count == 0 ? 10 : Math.Max(bins.Max(b => b.To), (int)Math.Ceiling(thresholds.MatchWeight) + 1);
        var decades = Math.Max(1, (int)Math.Ceiling(Math.Log10(Math.Max(1, bins.Count == 0 ? 1 : bins.Max(b => b.Pairs)) + 1)));
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double X(double weight) => Left + ((Math.Clamp(weight, low, high) - low) / (high - low) * plotWidth);
        double Y(double pairs) => Top + plotHeight - (Math.Log10(pairs + 1) / decades * plotHeight);

        var svg = new StringBuilder();
        svg.Append("<svg class=\"chart\" id=\"").Append(id).Append("\" role=\"img\" aria-label=\"Pairs compared by match weight\" viewBox=\"0 0 ")
            .Append(Html.At(Width)).Append(' ').Append(Html.At(Height)).Append("\"><title>Pairs compared by match weight (log scale)</title>");
        for (var d = 0; d <= decades; d++)
        {
            var y = Y(Math.Pow(10, d) - 1);
            svg.Append("<line class=\"grid\" x1=\"").Append(Html.At(Left)).Append("\" x2=\"").Append(Html.At(Width - Right)).Append("\" y1=\"").Append(Html.At(y)).Append("\" y2=\"").Append(Html.At(y)).Append("\"/>")
                .Append("<text class=\"tick\" x=\"").Append(Html.At(Left - 6)).Append("\" y=\"").Append(Html.At(y + 4)).Append("\">").Append(Html.Count((long)Math.Pow(10, d) - (d == 0 ? 1 : 0))).Append("</text>");
        }

        foreach (var bin in bins)
        {
            var x = X(bin.From);
            var band = bin.From >= thresholds.MatchWeight ? "bar-match" : bin.To > thresholds.ReviewWeight ? "bar-review" : "bar-non";
            svg.Append("<rect class=\"").Append(band).Append("\" x=\"").Append(Html.At(x + 0.5)).Append("\" y=\"").Append(Html.At(Y(bin.Pairs)))
                .Append("\" width=\"").Append(Html.At(Math.Max(X(bin.To) - x - 1, 1))).Append("\" height=\"").Append(Html.At(Top + plotHeight - Y(bin.Pairs)))
                .Append("\"><title>Weight ").Append(bin.From).Append(" to ").Append(bin.To).Append(": ").Append(Html.Count(bin.Pairs)).Append(" pairs</title></rect>");
        }

        for (var w = (int)Math.Ceiling(low / 5.0) * 5; w <= high; w += 5)
        {
            svg.Append("<text class=\"tick-x\" x=\"").Append(Html.At(X(w))).Append("\" y=\"").Append(Html.At(Height - Bottom + 16)).Append("\">").Append(w).Append("</text>");
        }

        // The two labels sit on separate lines: the thresholds are often a few units of weight apart.
        Threshold(svg, X(thresholds.ReviewWeight), Top + 10, "review");
        Threshold(svg, X(thresholds.MatchWeight), Top + 24, "match");
        svg.Append("<text class=\"axis-title\" x=\"").Append(Html.At(Left + (plotWidth / 2))).Append("\" y=\"").Append(Html.At(Height - 6)).Append("\">match weight (log2 odds)</text></svg>");
        return svg.ToString();
    }

    private static void Threshold(StringBuilder svg, double x, double labelY, string name) =>
        svg.Append("<line class=\"threshold\" x1=\"").Append(Html.At(x)).Append("\" x2=\"").Append(Html.At(x)).Append("\" y1=\"").Append(Html.At(Top))
            .Append("\" y2=\"").Append(Html.At(Height - Bottom)).Append("\"/><text class=\"threshold-label\" x=\"").Append(Html.At(x + 3)).Append("\" y=\"").Append(Html.At(labelY))
            .Append("\">").Append(name).Append("</text>");
}
