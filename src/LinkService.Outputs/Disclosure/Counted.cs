using System.Globalization;

namespace LinkService.Outputs.Disclosure;

/// <summary>A count and its noun, for reasons a person reads: "1 cell", "3 cells", "2 classes".</summary>
internal static class Counted
{
    public static string Of(long count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun.EndsWith('s') ? noun + "es" : noun + "s");

    /// <summary>The verb after a count: "1 cell is", "3 cells are".</summary>
    public static string Is(long count) => count == 1 ? "is" : "are";
}
