namespace LinkService.Ledger.Runs;

/// <summary>
/// The last stage of a run's pipeline that completed and is recorded: linking → linked → anonymised → checked →
/// approved → published. A run interrupted after <see cref="Linked"/> resumes from here (<see cref="RunTransitions"/>).
/// </summary>
public enum RunStage
{
    /// <summary>Started; nothing completed yet.</summary>
    Linking,

    /// <summary>The linkage map and figures are in the run folder.</summary>
    Linked,

    /// <summary>The de-identified files are in the run's private output folder.</summary>
    Anonymised,

    /// <summary>The disclosure check and the package are complete; the verdict is recorded.</summary>
    Checked,

    /// <summary>Released for publishing, automatically or by the custodian.</summary>
    Approved,

    /// <summary>The output is in the export folder, whole.</summary>
    Published,
}
