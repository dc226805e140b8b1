namespace LinkService.Outputs.Disclosure;

/// <summary>
/// One cell of a built table: the group it is (one label per groupBy column; private, never in a finding), how many
/// rows and persons it holds, its magnitude, and its contributors' magnitudes, largest first.
/// </summary>
internal sealed record TableCell(IReadOnlyList<string> Group, long Rows, long Values, int Persons, decimal Total, IReadOnlyList<decimal> Contributions)
{
    public static TableCell Empty(IReadOnlyList<string> group) => new(group, 0, 0, 0, 0m, []);

    public static TableCell From(IReadOnlyList<string> group, CellTally tally) =>
        new(group, tally.Rows, tally.Values, tally.Persons, tally.Total, tally.ContributionsLargestFirst());

    /// <summary>The contributors' magnitudes added up (the total of the absolute contributions).</summary>
    public decimal Magnitude => Contributions.Sum();
}
