namespace LinkService.Configuration.Projects.Outputs;

/// <summary>
/// k-anonymity over an output file: every combination of the quasi-identifiers' (transformed) values must be shared
/// by at least <see cref="K"/> rows; rows in smaller classes are suppressed or dropped.
/// </summary>
public sealed class KAnonymitySpec
{
    /// <summary>Output column names (a column's <c>as</c>, else its <c>column</c>).</summary>
    public required IReadOnlyList<string> QuasiIdentifiers { get; init; }

    /// <summary>The smallest class allowed. Default 5.</summary>
    public int K { get; init; } = 5;

    /// <summary>What happens to rows in classes smaller than k. Default <c>suppress</c>.</summary>
    public SmallClassAction Action { get; init; } = SmallClassAction.Suppress;
}
