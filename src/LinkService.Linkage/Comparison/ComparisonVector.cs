namespace LinkService.Linkage.Comparison;

/// <summary>
/// A pair's comparison levels packed four bits per comparison into one <see cref="ulong"/>:
/// level 0 is the first (strongest) level, <c>Levels.Count</c> the "else" level, 15 missing.
/// </summary>
internal static class ComparisonVector
{
    public const byte Missing = 15;

    public static byte Level(ulong pattern, int comparison) => (byte)((pattern >> (4 * comparison)) & 0xF);

    public static ulong With(ulong pattern, int comparison, byte level) => pattern | ((ulong)level << (4 * comparison));
}
