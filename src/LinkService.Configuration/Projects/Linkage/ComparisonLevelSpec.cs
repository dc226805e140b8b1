namespace LinkService.Configuration.Projects.Linkage;

/// <summary>One level of a comparison, tested in order; the first that holds is the pair's level.</summary>
public sealed class ComparisonLevelSpec
{
    public required ComparisonMethod Method { get; init; }

    /// <summary>Jaro and Jaro–Winkler: the least similarity (0–1); swapped: the least Jaro–Winkler similarity of the crossed pair that is not exact (a typo in one of the two names).</summary>
    public double Threshold { get; init; } = 0.9;

    /// <summary>Levenshtein, Damerau–Levenshtein: the most edits; years-apart: the most years.</summary>
    public int Distance { get; init; } = 1;

    /// <summary>Swapped: the other canonical field (forename ↔ surname); in-other-field: the field whose words are searched (forename → middle_names).</summary>
    public string? OtherField { get; init; }
}
