using System.Text;

namespace LinkService.Outputs.Packaging.QualityReport;

/// <summary>
/// A horizontal bar chart as inline SVG: one row per bar, labels on the left; bars grow from zero, so a range below
/// zero draws diverging bars (weights). Labels are HTML-encoded and shortened, the whole label in each bar's title.
/// </summary>
internal static class BarChart
{
    private const double Width = 760;
    private const double LabelWidth = 250;
    private const double ValueWidth = 90;
    private const double Row = 22;
    private const int LabelChars = 34;

    public static string Svg(string id, string title, IReadOnlyList<Bar> bars, double min, double max)
    {
        var plot = Width - LabelWidth - ValueWidth;
        var span = max - min <= 0 ? 1 : max - min;
        double X(double value) => LabelWidth + ((Math.Clamp(value, min, max) - min) / span * plot);
        var height = (Math.Max(bars.Count, 1) * Row) + 10;
        var svg = new StringBuilder();
        svg.Append("<svg class=\"chart\" id=\"").Append(id).Append("\" role=\"img\" aria-label=\"").Append(Html.Text(title))
            .Append("\" viewBox=\"0 0 ").Append(Html.At(Width)).Append(' ').Append(Html.At(height)).Append("\">")
            .Append("<title>").Append(Html.Text(title)).Append("</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = 5 + (i * Row);
            var from = Math.Min(X(0), X(bar.Value));
            var width = Math.Max(Math.Abs(X(bar.Value) - X(0)), 1);
            svg.Append("<text class=\"label\" x=\"").Append(Html.At(LabelWidth - 6)).Append("\" y=\"").Append(Html.At(y + 15)).Append("\">")
                .Append(Html.Text(Shorten(bar.Label))).Append("</text>")
                .Append("<rect class=\"").Append(bar.Class).Append("\" x=\"").Append(Html.At(from)).Append("\" y=\"").Append(Html.At(y + 3))
                .Append("\" width=\"").Append(Html.At(width)).Append("\" height=\"").Append(Html.At(Row - 6)).Append("\">")
                .Append("<title>").Append(Html.Text(bar.Label)).Append(": ").Append(Html.Text(bar.ValueText)).Append("</title></rect>")
                .Append("<text class=\"value\" x=\"").Append(Html.At(Width - ValueWidth + 6)).Append("\" y=\"").Append(Html.At(y + 15)).Append("\">")
                .Append(Html.Text(bar.ValueText)).Append("</text>");
        }

        var zero = X(0);
        svg.Append("<line class=\"axis\" x1=\"").Append(Html.At(zero)).Append("\" x2=\"").Append(Html.At(zero))
            .Append("\" y1=\"0\" y2=\"").Append(Html.At(height)).Append("\"/></svg>");
        return svg.ToString();
    }

    private static string Shorten(string label) => label.Length <= LabelChars ? label : string.Concat(label.AsSpan(0, LabelChars - 1), "…");
}
