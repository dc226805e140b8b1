namespace LinkService.Configuration.Projects.Linkage;

/// <summary>Standardisation options for one canonical field (<c>linkage.standardisation.&lt;field&gt;</c>).</summary>
public sealed class StandardisationSpec
{
    public StandardiseAs As { get; init; } = StandardiseAs.Auto;

    /// <summary>Values read as missing after folding, on top of the built-in ones (UNKNOWN, N/A, 01/01/1900, …).</summary>
    public IReadOnlyList<string> BlankValues { get; init; } = [];

    /// <summary>Forenames: the first word is the forename, the rest feed middle names.</summary>
    public bool SplitForenames { get; init; } = true;
}
