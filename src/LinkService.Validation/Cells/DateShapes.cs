namespace LinkService.Validation.Cells;

/// <summary>
/// The date layouts departments commonly send, for telling a department which one its failing values follow
/// ("they look like yyyy-mm-dd"). A value is reduced to the set of layouts it reads as (a bit each), so a check
/// can keep what every failing value has in common without keeping any value.
/// </summary>
internal static class DateShapes
{
    private static readonly (string Label, FixedDatePattern Pattern)[] Known =
    [
        ("yyyy-mm-dd", Compile("%Y-%m-%d")),
        ("dd/mm/yyyy", Compile("%d/%m/%Y")),
        ("mm/dd/yyyy", Compile("%m/%d/%Y")),
        ("dd-mm-yyyy", Compile("%d-%m-%Y")),
        ("dd.mm.yyyy", Compile("%d.%m.%Y")),
        ("yyyy/mm/dd", Compile("%Y/%m/%d")),
        ("yyyymmdd", Compile("%Y%m%d")),
        ("ddmmyyyy", Compile("%d%m%Y")),
        ("yyyy-mm-ddThh:mm:ss", Compile("%Y-%m-%dT%H:%M:%S")),
        ("yyyy-mm-dd hh:mm:ss", Compile("%Y-%m-%d %H:%M:%S")),
        ("dd/mm/yyyy hh:mm:ss", Compile("%d/%m/%Y %H:%M:%S")),
    ];

    /// <summary>Every layout at once: what a group of values has in common before any is seen.</summary>
    public const int All = (1 << 11) - 1;

    /// <summary>The layouts <paramref name="cell"/> reads as, one bit each (0: none).</summary>
    public static int Of(ReadOnlySpan<char> cell)
    {
        var shapes = 0;
        for (var i = 0; i < Known.Length; i++)
        {
            if (Known[i].Pattern.TryParse(cell, out _))
            {
                shapes |= 1 << i;
            }
        }

        return shapes;
    }

    /// <summary>
    /// The layout the values share, or null when they share none. Day-first wins over month-first when both fit
    /// (05/06/1980 reads either way); only a value such as 12/31/1980 proves month-first.
    /// </summary>
    public static string? Label(int shapes)
    {
        for (var i = 0; i < Known.Length; i++)
        {
            if ((shapes & (1 << i)) != 0)
            {
                return Known[i].Label;
            }
        }

        return null;
    }

    /// <summary>A strftime pattern as departments read it: <c>%d/%m/%Y</c> as dd/mm/yyyy.</summary>
    public static string Readable(string strftime) => strftime
        .Replace("%Y", "yyyy", StringComparison.Ordinal)
        .Replace("%y", "yy", StringComparison.Ordinal)
        .Replace("%m", "mm", StringComparison.Ordinal)
        .Replace("%d", "dd", StringComparison.Ordinal)
        .Replace("%H", "hh", StringComparison.Ordinal)
        .Replace("%M", "mm", StringComparison.Ordinal)
        .Replace("%S", "ss", StringComparison.Ordinal);

    private static FixedDatePattern Compile(string strftime) =>
        FixedDatePattern.TryCreate(strftime) ?? throw new InvalidOperationException($"'{strftime}' is not a fixed date pattern.");
}
