namespace LinkService.Configuration.Projects.Linkage;

/// <summary>
/// The columns of a run's review.csv: these first, then for each comparison its field's level and the bits it added
/// (<c>&lt;field&gt;</c>, <c>&lt;field&gt;_weight</c>). Here so that the writer and the configuration check agree on
/// them: a field of the custodian's own named <c>match</c> would give the file two columns <c>match_weight</c>.
/// </summary>
public static class ReviewColumns
{
    public static IReadOnlyList<string> Fixed { get; } =
        ["source_a", "record_id_a", "source_b", "record_id_b", "match_weight", "match_probability", "prior_weight"];

    /// <summary>The two columns a comparison of <paramref name="field"/> adds.</summary>
    public static IReadOnlyList<string> Of(string field) => [field, field + "_weight"];
}
