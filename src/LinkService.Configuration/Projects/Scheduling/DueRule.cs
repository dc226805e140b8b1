namespace LinkService.Configuration.Projects.Scheduling;

/// <summary>When a fire of a project's schedule starts a run (<c>due</c>); <c>linkservice link</c> runs whatever this says.</summary>
public enum DueRule
{
    /// <summary>Some source has an accepted delivery newer than the one the project's last linked run took.</summary>
    AnySourceNew,

    /// <summary>Every source has an accepted delivery newer than the one the project's last linked run took.</summary>
    AllSourcesNew,

    /// <summary>Every fire runs, inputs changed or not.</summary>
    Always,
}
