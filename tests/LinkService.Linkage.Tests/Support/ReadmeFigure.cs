using System.Globalization;

namespace LinkService.Linkage.Tests.Support;

/// <summary>
/// The quality figures README.md's 'Quality and speed' section quotes. Runs are deterministic, so a test holds the
/// figure to within <see cref="Tolerance"/> either way: a drop is a regression, a rise means the README is stale.
/// </summary>
internal static class ReadmeFigure
{
    public const double Tolerance = 0.002;

    public static void AssertF1(double quoted, double measured, string detail) =>
        Assert.True(
            Math.Abs(measured - quoted) <= Tolerance,
            string.Create(CultureInfo.InvariantCulture, $"F1 {measured:F4}, README quotes {quoted:F4} (±{Tolerance}): {detail}"));
}
