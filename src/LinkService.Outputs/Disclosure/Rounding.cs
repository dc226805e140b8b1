namespace LinkService.Outputs.Disclosure;

/// <summary>Rounding a released value to a base, after the checks; halves go away from zero (12.5 to 15 in base 5).</summary>
internal static class Rounding
{
    public static decimal ToBase(decimal value, int roundingBase) =>
        Math.Round(value / roundingBase, 0, MidpointRounding.AwayFromZero) * roundingBase;
}
