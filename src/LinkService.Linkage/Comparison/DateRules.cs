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
    public static bool OneDigitOff(int a, int b)
    {
        var differing = 0;
        var first = -1;
        var pa = a;
        var pb = b;
        Span<int> digitsA = stackalloc int[8];
        Span<int> digitsB = stackalloc int[8];
        for (var i = 7; i >= 0; i--)
        {
            digitsA[i] = pa % 10;
            digitsB[i] = pb % 10;
            pa /= 10;
            pb /= 10;
        }

        for (var i = 0; i < 8; i++)
        {
            if (digitsA[i] != digitsB[i])
            {
                differing++;
                first = first < 0 ? i : first;
            }
        }

        return differing == 1
            || (differing == 2 && first < 7 && digitsA[first] == digitsB[first + 1] && digitsA[first + 1] == digitsB[first]);
    }

    /// <summary>Day and month equal and the years one apart (1989 against 1990, which is two digits off).</summary>
    public static bool YearOffByOne(int a, int b) => a % 10000 == b % 10000 && Math.Abs((a / 10000) - (b / 10000)) == 1;

    public static string Digits(int value) => value.ToString("D8", CultureInfo.InvariantCulture);

    private static (int Year, int Month, int Day) Split(int value) => (value / 10000, value / 100 % 100, value % 100);
}
