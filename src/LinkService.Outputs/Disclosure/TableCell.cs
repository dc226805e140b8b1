namespace LinkService.Outputs.Disclosure;

/// <summary>
/// One cell of a built table: the group it is (one label per groupBy column; private, never in a finding), how many
/// rows and persons it holds, its magnitude, and its largest contributors' magnitudes, largest first (at least the
/// <see cref="MostContributors"/> the rules may look at; a cell in the hands of its few largest contributors is what they find).
/// </summary>
internal sealed record TableCell(IReadOnlyList<string> Group, long Rows, long Values, int Persons, decimal Total, IReadOnlyList<decimal> Contributions)
{
    /// <summary>The most contributors a rule looks at: dominance's contributors are at most ten.</summary>
    public const int MostContributors = 10;

    public static TableCell Empty(IReadOnlyList<string> group) => new(group, 0, 0, 0, 0m, []);

    public static TableCell From(IReadOnlyList<string> group, CellTally tally) =>
        new(group, tally.Rows, tally.Values, tally.Persons, tally.Total, tally.Largest(MostContributors)) { Magnitude = tally.Magnitude() };

    /// <summary>Every contributor's magnitude added up (the total of the absolute contributions).</summary>
    public decimal Magnitude { get; init; } = Contributions.Sum();
}
