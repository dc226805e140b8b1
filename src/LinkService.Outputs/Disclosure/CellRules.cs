namespace LinkService.Outputs.Disclosure;

/// <summary>
/// The rules of secure research environments for one cell, each on the safe side at its boundary: a cell of exactly
/// <c>threshold</c> persons passes, as do contributors holding exactly the dominance share and a remainder of exactly
/// the p-ratio share. Compared in decimals, so 90 % is 90 %.
/// </summary>
internal static class CellRules
{
    /// <summary>A cell with rows describing fewer persons than the threshold. An empty cell is a zero, not a small cell.</summary>
    public static bool BelowThreshold(TableCell cell, int threshold) => cell.Rows > 0 && cell.Persons < threshold;

    /// <summary>A cell no row falls in, or a magnitude cell whose total is zero.</summary>
    public static bool IsZero(TableCell cell, bool magnitude) => cell.Rows == 0 || (magnitude && cell.Total == 0m);

    /// <summary>The <paramref name="contributors"/> largest contributors hold more than <paramref name="percent"/> of the cell.</summary>
    public static bool Dominated(TableCell cell, int contributors, decimal percent) =>
        cell.Magnitude > 0m && cell.Contributions.Take(contributors).Sum() * 100m > percent * cell.Magnitude;

    /// <summary>
    /// The cell's total less its two largest contributors is under <paramref name="percent"/> of the largest: the
    /// second largest could estimate the largest's value to within that share.
    /// </summary>
    public static bool FailsPRatio(TableCell cell, decimal percent)
    {
        if (cell.Magnitude == 0m)
        {
            return false;
        }

        var largest = cell.Contributions[0];
        var second = cell.Contributions.Count > 1 ? cell.Contributions[1] : 0m;
        return (cell.Magnitude - largest - second) * 100m < percent * largest;
    }
}
