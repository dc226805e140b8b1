namespace LinkService.Validation.Report;

/// <summary>
/// Every row with the same problem in the same field: "date_of_birth: 2,988 rows are not dd/mm/yyyy; they look like
/// yyyy-mm-dd". Counted over the whole file; names fields, rows and formats, never a value.
/// </summary>
/// <param name="Field">The schema field, or null for a problem with the whole row (blank, wrong field count).</param>
/// <param name="Type">The Frictionless error type (<see cref="ErrorTypes"/>).</param>
/// <param name="Problem">What is wrong with one row, as a predicate: "is not dd/mm/yyyy".</param>
/// <param name="Rows">How many rows have it.</param>
/// <param name="FirstRows">The first few of those rows (1 = the first row after the header).</param>
/// <param name="LooksLike">For dates in the wrong format: the one layout every failing value follows, if they share one.</param>
public sealed record ErrorGroup(string? Field, string Type, string Problem, long Rows, IReadOnlyList<long> FirstRows, string? LooksLike)
{
    /// <summary>The problem said of <see cref="Rows"/> rows: "are not dd/mm/yyyy" for many, "is not dd/mm/yyyy" for one.</summary>
    public string ProblemFor(long rows) => rows == 1 ? Problem : Plural(Problem);

    /// <summary>True when the group has rows beyond <see cref="FirstRows"/>, so a reader needs the complete list to find them all.</summary>
    public bool HasUnlistedRows => Rows > FirstRows.Count;

    private static string Plural(string problem)
    {
        var space = problem.IndexOf(' ', StringComparison.Ordinal);
        var verb = space < 0 ? problem : problem[..space];
        var plural = verb switch
        {
            "is" => "are",
            "has" => "have",
            "does" => "do",
            "holds" => "hold",
            "repeats" => "repeat",
            "opens" => "open",
            "took" => "took",
            _ => null,
        };
        return plural is null ? problem : plural + problem[verb.Length..];
    }
}
