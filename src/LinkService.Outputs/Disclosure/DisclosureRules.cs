namespace LinkService.Outputs.Disclosure;

/// <summary>The names of the rules a <see cref="Stages.DisclosureFinding"/> reports on.</summary>
public static class DisclosureRules
{
    /// <summary>Every cell describes at least <c>threshold</c> persons.</summary>
    public const string Threshold = "threshold";

    /// <summary>Cells that are zero, which may disclose that everyone in a group has (or lacks) something.</summary>
    public const string Zeros = "zeros";

    /// <summary>A magnitude cell's largest contributors hold no more than a set share of its total.</summary>
    public const string Dominance = "dominance";

    /// <summary>A magnitude cell's total less its two largest contributors is at least a set share of the largest.</summary>
    public const string PRatio = "p-ratio";

    /// <summary>Released values rounded to a base, after the checks.</summary>
    public const string Rounding = "rounding";

    /// <summary>The table could be built from its file (the file and its columns are there, its numbers read).</summary>
    public const string Build = "build";

    /// <summary>What k-anonymity did to a de-identified record file.</summary>
    public const string KAnonymity = "k-anonymity";
}
