using System.Globalization;

namespace LinkService.Linkage.Comparison;

/// <summary>Date comparisons on <c>yyyyMMdd</c> numbers: the typing errors clerks make.</summary>
internal static class DateRules
{
    /// <summary>Day and month swapped (03/04 against 04/03), same year.</summary>
    public static bool Transposed(int a, int b)
    {
        var (ya, ma, da) = Split(a);
        var (yb, mb, db) = Split(b);
        return ya == yb && ma == db && da == mb;
    }

    /// <summary>Exactly one of the eight digits differs, or two adjacent digits are swapped.</summary>
    /// <remarks>
    /// Asked of most candidate pairs (those whose dates differ): the digits are taken from the right in registers, the
    /// leftmost differing one kept with its right-hand neighbour, not written to two arrays first.
    /// </remarks>
    public static bool OneDigitOff(int a, int b)
    {
        var differing = 0;
        var (firstA, firstB, nextA, nextB, lastA, lastB) = (0, 0, 0, 0, 0, 0);
        var leftmost = -1;
        for (var i = 7; i >= 0; i--)
        {
            var (digitA, digitB) = (a % 10, b % 10);
            (a, b) = (a / 10, b / 10);
            if (digitA != digitB)
            {
                differing++;
                (leftmost, firstA, firstB, nextA, nextB) = (i, digitA, digitB, lastA, lastB);
            }

            (lastA, lastB) = (digitA, digitB);
        }

        return differing == 1 || (differing == 2 && leftmost < 7 && firstA == nextB && nextA == firstB);
    }

    /// <summary>Day and month equal and the years one apart (1989 against 1990, which is two digits off).</summary>
    public static bool YearOffByOne(int a, int b) => a % 10000 == b % 10000 && Math.Abs((a / 10000) - (b / 10000)) == 1;

    public static string Digits(int value) => value.ToString("D8", CultureInfo.InvariantCulture);

    private static (int Year, int Month, int Day) Split(int value) => (value / 10000, value / 100 % 100, value % 100);
}
