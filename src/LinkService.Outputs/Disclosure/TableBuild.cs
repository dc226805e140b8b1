namespace LinkService.Outputs.Disclosure;

/// <summary>
/// A table built from its file: every cell of the grouping, in order (the cross of each groupBy column's labels,
/// so a combination no row has is there as a zero cell); or, when it could not be built, why (columns and counts).
/// </summary>
internal sealed record TableBuild(IReadOnlyList<TableCell> Cells, string? Problem)
{
    /// <summary>The most cells a table may have: beyond it, a grouping is too fine to release or to list zeros for.</summary>
    public const long MaxCells = 100_000;

    public static TableBuild Failed(string problem) => new([], problem);
}
