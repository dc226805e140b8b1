using System.Globalization;
using System.Net;

namespace LinkService.Outputs.Packaging.QualityReport;

/// <summary>Text and numbers as the report writes them: every text HTML-encoded, every number in the invariant culture.</summary>
internal static class Html
{
    public static string Text(string text) => WebUtility.HtmlEncode(text);

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Count(double value) => value.ToString("N1", CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    public static string Probability(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    public static string Weight(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A coordinate in an SVG: one decimal, invariant.</summary>
    public static string At(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
